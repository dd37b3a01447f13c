using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Checks;

/// <summary>
/// What a check can learn from a server that the grader started itself (<c>--start</c>), beyond the wire:
/// what it printed, and how another copy of it behaves with other settings.
/// </summary>
public interface IStartedServer
{
    /// <summary>Everything the server printed so far, across restarts.</summary>
    string Output { get; }

    /// <summary>The form in which it printed <paramref name="secret"/>, in all it printed, across restarts; null if it did not.</summary>
    SecretForm? PrintedSecret(string secret);

    /// <summary>Starts another copy on a free port with <paramref name="settings"/>, and returns it once it listens.</summary>
    /// <exception cref="ServerStartException">It exited, or did not listen, within <paramref name="timeout"/>.</exception>
    Task<IServerProcess> StartAnotherAsync(IReadOnlyList<ProgramSetting> settings, TimeSpan timeout, CancellationToken cancellationToken);
}

/// <summary>Thrown by a check that cannot be run against this target; the runner reports it as skipped, with the reason.</summary>
public sealed class CheckNotApplicableException(string reason) : Exception(reason);
