namespace SocketExercises.Grader.Running;

/// <summary>
/// Whether a program the grader waits on has done nothing for a while: used no processor time for
/// <see cref="Limit"/>. A server that listens nowhere, or a client that has not connected, and does nothing,
/// waits for something that will not come, and no longer timeout changes that. Where its processor time can't
/// be told (a container), it is never idle, and the wait's own timeout is all there is.
/// </summary>
public sealed class Idleness(IRunningProgram program, TimeProvider time)
{
    /// <summary>
    /// Long enough for a "dotnet run" whose compiling is done by the SDK's compiler server, which another build
    /// started (its time is not the program's).
    /// </summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    // Its processor time is read from every process's environment and stat: often enough to tell seconds of
    // idleness, not on every poll of a wait that looks at its listening ports each 50 ms.
    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(250);

    private long? _ticks = program.CpuTicks;
    private long _since = time.GetTimestamp();
    private long _looked = time.GetTimestamp();

    /// <summary>Whether it has used no processor time for <see cref="Limit"/>, looked at now (at most every 250 ms).</summary>
    public bool Idle()
    {
        if (time.GetElapsedTime(_looked) < LookEvery)
        {
            return false;
        }
        _looked = time.GetTimestamp();
        if (program.CpuTicks is not { } ticks)
        {
            return false;
        }
        if (ticks != _ticks)
        {
            (_ticks, _since) = (ticks, time.GetTimestamp());
            return false;
        }
        return time.GetElapsedTime(_since) >= Limit;
    }
}
