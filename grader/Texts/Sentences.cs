namespace SocketExercises.Grader.Texts;

/// <summary>Helps texts that start with a part made elsewhere, such as a connection's name ("the client").</summary>
public static class Sentences
{
    /// <summary><paramref name="text"/> with its first letter made a capital, to start a sentence.</summary>
    public static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
