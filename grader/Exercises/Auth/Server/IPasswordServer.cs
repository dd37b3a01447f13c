using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>
/// A server that wants a password before it echoes, as the checks both password exercises share see it:
/// exercise 02's, which is sent the password, and exercise 04's, which is sent proof of it.
/// </summary>
public interface IPasswordServer
{
    ServerTarget Server { get; }

    /// <summary>The password it expects.</summary>
    string Password { get; }

    /// <summary>How long it gives a client to log in.</summary>
    TimeSpan LoginTimeout { get; }

    /// <summary>Its process, when the grader started it; null when it was already running.</summary>
    IStartedServer? Started { get; }

    /// <summary>How the line it sends first, before the client says anything, begins; null when it sends nothing first.</summary>
    string? Greeting { get; }

    /// <summary>Logs in on a new connection as a client that knows the password, and expects OK.</summary>
    Task LogInAsync(WireConnection connection, CheckContext context);
}
