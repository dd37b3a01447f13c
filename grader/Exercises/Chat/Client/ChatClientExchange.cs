namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>What the grader, as the chat server and the user, saw of one run of the client.</summary>
/// <param name="FirstLine">The client's first line, with its \n if it came.</param>
/// <param name="BeforeAnswer">What the client sent after its first line and before the server's answer.</param>
/// <param name="Typed">What the client sent after each line the user typed, in order: the line, with its \n, or what came instead.</param>
/// <param name="PrintedWhileIdle">How long the client took to print a message that came while the user typed nothing; null if it did not within the limit.</param>
/// <param name="SentAfterEndOfInput">What the client sent after its input ended, before it closed its side.</param>
/// <param name="ClosedAfterEndOfInput">Whether the client closed its side after its input ended.</param>
public sealed record ChatClientExchange(
    byte[] FirstLine,
    byte[] BeforeAnswer,
    IReadOnlyList<byte[]> Typed,
    TimeSpan? PrintedWhileIdle,
    byte[] SentAfterEndOfInput,
    bool ClosedAfterEndOfInput);
