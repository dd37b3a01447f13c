namespace SocketExercises.Grader.Wire;

/// <summary>
/// How long the grader waits on the wire and how much it reads. Every read and write is bounded by these,
/// so a server that stalls, floods or never answers cannot hang the grader.
/// </summary>
public sealed record WireLimits
{
    /// <summary>How long a connection attempt may take before the server counts as unreachable.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long to wait for an expected reply (an answer, the close after a half-close).</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a silence must last for the grader to conclude that nothing more is coming.</summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a send may block (the server is not reading) before the grader gives up.</summary>
    public TimeSpan SendTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The most the grader reads in one expectation that has no natural length.</summary>
    public int MaxUnexpectedBytes { get; init; } = 64 * 1024;
}
