namespace SocketExercises.Grader.Running;

/// <summary>
/// How long a program the grader waits on has run its own code: the time since it started, less the time its
/// build took (a <c>dotnet run</c> compiles first, which is the toolchain's time, not the program's). Looked at
/// now and then, as the build is told from the processes' command lines: a build's end is seen up to
/// <see cref="LookEvery"/> late, in the program's favour. Where the build can't be told apart (a container), none
/// of its time is counted: the wait's own timeout is all there is, as for <see cref="Idleness"/>.
/// </summary>
public sealed class OwnTime
{
    /// <summary>
    /// How long a server may run its own code without listening, or a client without connecting: a grading's
    /// whole budget. Longer than <see cref="Idleness.Limit"/>, so that a program that does nothing is told so.
    /// </summary>
    public static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan LookEvery = TimeSpan.FromMilliseconds(250);

    private readonly IRunningProgram _program;
    private readonly TimeProvider _time;
    private long _looked;
    private bool? _building;
    private TimeSpan _own;

    public OwnTime(IRunningProgram program, TimeProvider time)
    {
        _program = program;
        _time = time;
        _looked = time.GetTimestamp();
        _building = program.Building;
    }

    /// <summary>Its own time so far.</summary>
    public TimeSpan Elapsed()
    {
        var since = _time.GetElapsedTime(_looked);
        if (since < LookEvery)
        {
            return _building == false ? _own + since : _own;
        }
        if (_building == false)
        {
            _own += since;
        }
        _looked = _time.GetTimestamp();
        _building = _program.Building;
        return _own;
    }
}
