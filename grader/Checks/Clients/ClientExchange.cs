using SocketExercises.Grader.Running;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.Clients;

/// <summary>How the grader's part of one run ended.</summary>
public enum ExchangeEnd
{
    /// <summary>Go on as the protocol's server does (<see cref="ServeOn"/>) until the client closes its side or exits.</summary>
    ServeOn,

    /// <summary>The client has closed its side already: close ours.</summary>
    ClientClosed,

    /// <summary>The grader ends the conversation (as a server refusing a login does): close our side now.</summary>
    GraderCloses,
}

/// <summary>The grader's part of one run, played on the client's connection.</summary>
/// <param name="client">The client's process: what it prints, and its input when the exercise keeps it open.</param>
/// <typeparam name="TExchange">What it records for the checks.</typeparam>
public delegate Task<(TExchange Exchange, ExchangeEnd End)> ClientScript<TExchange>(WireConnection connection, IRunningProgram client, CancellationToken cancellationToken);

/// <summary>
/// What the played server does after a script that ends with <see cref="ExchangeEnd.ServeOn"/>, until
/// <paramref name="exited"/> completes: answer whatever more the client sends, as the exercise's server would.
/// </summary>
/// <returns>Whether the client closed its side.</returns>
public delegate Task<bool> ServeOn(PlayedServer server, WireConnection connection, Task exited, CancellationToken cancellationToken);
