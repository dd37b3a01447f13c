using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.Clients;

/// <summary>How the grader's part of one run ended.</summary>
public enum ExchangeEnd
{
    /// <summary>Go on echoing whatever more the client sends, until it closes its side.</summary>
    KeepEchoing,

    /// <summary>The client has closed its side already: close ours.</summary>
    ClientClosed,

    /// <summary>The grader ends the conversation (as a server refusing a login does): close our side now.</summary>
    GraderCloses,
}

/// <summary>The grader's part of one run, played on the client's connection.</summary>
/// <typeparam name="TExchange">What it records for the checks.</typeparam>
public delegate Task<(TExchange Exchange, ExchangeEnd End)> ClientScript<TExchange>(WireConnection connection, CancellationToken cancellationToken);
