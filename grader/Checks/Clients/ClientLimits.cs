namespace SocketExercises.Grader.Checks.Clients;

/// <summary>How long the grader waits for a client under test at each step.</summary>
public sealed record ClientLimits
{
    /// <summary>From starting the client to its connection (covers a <c>dotnet run</c> build).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>From the connection to the first byte of the client's message.</summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>From the end of the exchange to the client's exit.</summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
