using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Where the grader runs a server it starts: as a process on this machine, or in a container
/// (<c>--sandbox docker</c>). <see cref="ServerLauncher"/> waits on either the same way.
/// </summary>
public interface IServerHost
{
    /// <summary>Whether the server shares this machine's ports, so a port taken here is taken for it too.</summary>
    bool SharesPorts { get; }

    /// <summary>What the report should say about where the server ran; null when there is nothing to say.</summary>
    string? Note { get; }

    /// <summary>Starts <paramref name="command"/> to serve on <paramref name="endpoint"/>; it may not listen yet.</summary>
    /// <exception cref="GraderEnvironmentException">The grader could not start it (no shell, no container).</exception>
    Task<IServerProcess> RunAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken);
}

/// <summary>A server the grader started, wherever it runs.</summary>
public interface IServerProcess : IRunningProgram
{
    /// <summary>Where the grader reaches it.</summary>
    IPEndPoint Endpoint { get; }

    /// <summary>Why it exited, when more can be said than its exit code (a sandbox's limit); otherwise null.</summary>
    Task<string?> ExitReasonAsync(CancellationToken cancellationToken);

    /// <summary>Whether it listens on its port now, learned without connecting to it.</summary>
    Task<bool> IsListeningAsync(CancellationToken cancellationToken);

    /// <summary>Everywhere it listens now, its port or not; empty where that cannot be told.</summary>
    Task<IReadOnlyList<IPEndPoint>> ListeningEndpointsAsync(CancellationToken cancellationToken);
}
