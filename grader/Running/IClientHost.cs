using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Where the grader runs a client under test: as a process on this machine, or in a container
/// (<c>--sandbox docker</c>), and so where the grader, playing the server, must listen for it.
/// </summary>
public interface IClientHost
{
    /// <summary>What the report should say about where the client ran; null when there is nothing to say.</summary>
    string? Note { get; }

    /// <summary>Where to listen so that a client run here reaches the grader, given where the user asked for.</summary>
    Task<IPEndPoint> ListenEndpointAsync(IPEndPoint requested, CancellationToken cancellationToken);

    /// <summary>Lets the clients run here connect to the grader's listener at <paramref name="listening"/>, where the host must be told.</summary>
    /// <exception cref="GraderEnvironmentException">It could not.</exception>
    Task AdmitAsync(IPEndPoint listening, CancellationToken cancellationToken);

    /// <summary>Starts the client with <paramref name="settings"/> (the grader's address among them).</summary>
    /// <param name="keepInput">Keep its standard input open, for the grader to type to it; otherwise it reads the end at once.</param>
    /// <exception cref="GraderEnvironmentException">The grader could not start it (no shell, no container).</exception>
    Task<IRunningProgram> StartAsync(ShellCommand command, IReadOnlyList<ProgramSetting> settings, bool keepInput, CancellationToken cancellationToken);
}

/// <summary>A program the grader started and watches: its exit and what it printed.</summary>
public interface IRunningProgram : IAsyncDisposable
{
    bool HasExited { get; }

    int ExitCode { get; }

    /// <summary>What it printed to standard output so far.</summary>
    string Output { get; }

    /// <summary>What it printed to standard error so far.</summary>
    string Errors { get; }

    /// <summary>Waits for it to exit and its output to be read, for at most <paramref name="timeout"/>; true if it exited.</summary>
    Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken);

    /// <summary>A task that completes when it exits.</summary>
    Task Exited(CancellationToken cancellationToken);

    /// <summary>A task that completes when it next prints something, or its output ends.</summary>
    Task OutputChanged { get; }

    /// <summary>The processor time it has used so far, in clock ticks; null where that cannot be told.</summary>
    long? CpuTicks { get; }

    /// <summary>
    /// Whether it is still being built (a <c>dotnet run</c> compiling) rather than running its own code; null where
    /// that cannot be told (a container), and then all of its time is its own.
    /// </summary>
    bool? Building { get; }

    /// <summary>Whether its own process has exited while processes it started still run (it has not ended: <see cref="HasExited"/>).</summary>
    bool LeftProcessesRunning { get; }

    /// <summary>
    /// The form in which it printed <paramref name="secret"/>, anywhere in its output, the part not kept too; null if
    /// it did not. Only secrets it was started with (<see cref="ProgramSetting.Secret"/>) are looked for.
    /// </summary>
    SecretForm? PrintedSecret(string secret);

    /// <summary>Types <paramref name="text"/> to it, as a user at its terminal would; only if it was started with its input kept open.</summary>
    /// <exception cref="IOException">It no longer reads its input: it has exited.</exception>
    Task WriteInputAsync(string text, CancellationToken cancellationToken);

    /// <summary>Ends its standard input, as Ctrl+D at a terminal does.</summary>
    Task CloseInputAsync(CancellationToken cancellationToken);
}

/// <summary>What every running program offers, wherever it runs.</summary>
public static class RunningPrograms
{
    /// <summary>The last lines of both its outputs, for a failure message.</summary>
    public static string Tail(this IRunningProgram program, int lines = 15) =>
        string.Join('\n', (program.Output + program.Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));

    /// <summary>Waits until its standard output is as <paramref name="awaited"/> says, for at most <paramref name="timeout"/>.</summary>
    /// <returns>True if it is.</returns>
    public static async Task<bool> WaitForOutputAsync(this IRunningProgram program, Func<string, bool> awaited, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var exited = program.Exited(deadline.Token);
        try
        {
            while (true)
            {
                var changed = program.OutputChanged; // taken before reading, so nothing printed in between is missed
                if (awaited(program.Output))
                {
                    return true;
                }
                if (await Task.WhenAny(changed, exited) == exited)
                {
                    // It has said all it will, once what it printed last has been read.
                    await program.WaitForExitAsync(timeout, deadline.Token);
                    return awaited(program.Output);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return awaited(program.Output);
        }
    }
}

/// <summary>Runs clients as processes on this machine; the grader listens where it was asked to.</summary>
public sealed class LocalClientHost : IClientHost
{
    public string? Note => null;

    public Task<IPEndPoint> ListenEndpointAsync(IPEndPoint requested, CancellationToken cancellationToken) => Task.FromResult(requested);

    public Task AdmitAsync(IPEndPoint listening, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IRunningProgram> StartAsync(ShellCommand command, IReadOnlyList<ProgramSetting> settings, bool keepInput, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningProgram>(RunningProcess.Start(command.ToStartInfo(settings), keepInput, ProgramSetting.SecretsOf(settings), new ProcessMark()));
}
