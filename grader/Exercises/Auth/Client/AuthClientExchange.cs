namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>What the grader, as the authenticating server, saw of one run.</summary>
/// <param name="FirstLine">The client's first line, without its \n.</param>
/// <param name="LineEnded">Whether that line ended with \n (rather than the client pausing or sending too much).</param>
/// <param name="Early">What the client sent after its first line but before the grader's answer.</param>
/// <param name="Request">What the client sent after the answer, and the grader echoed.</param>
public sealed record AuthClientExchange(byte[] FirstLine, bool LineEnded, byte[] Early, byte[] Request);
