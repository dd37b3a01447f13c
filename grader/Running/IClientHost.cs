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

    /// <summary>Starts the client with <paramref name="settings"/> (the grader's address among them).</summary>
    /// <exception cref="GraderEnvironmentException">The grader could not start it (no shell, no container).</exception>
    Task<IRunningProgram> StartAsync(ShellCommand command, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken);
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
}

/// <summary>What every running program offers, wherever it runs.</summary>
public static class RunningPrograms
{
    /// <summary>The last lines of both its outputs, for a failure message.</summary>
    public static string Tail(this IRunningProgram program, int lines = 15) =>
        string.Join('\n', (program.Output + program.Errors).Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(lines));
}

/// <summary>Runs clients as processes on this machine; the grader listens where it was asked to.</summary>
public sealed class LocalClientHost : IClientHost
{
    public string? Note => null;

    public Task<IPEndPoint> ListenEndpointAsync(IPEndPoint requested, CancellationToken cancellationToken) => Task.FromResult(requested);

    public Task<IRunningProgram> StartAsync(ShellCommand command, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken) =>
        Task.FromResult<IRunningProgram>(RunningProcess.Start(command.ToStartInfo(settings)));
}
