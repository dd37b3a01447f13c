using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// §26: two messages that arrive in three pieces (one cut mid-text, one mid-name) are printed as two whole
/// lines. A client that prints each read as it comes prints pieces. Only the text is judged here, not the
/// format (that is <see cref="PrintsEachKind"/>'s).
/// </summary>
public sealed class PrintsLinesInPieces : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.prints-lines-in-pieces", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        string[] texts = ["dobro jutro", "drugi redak"];
        var lines = PrintedLines(session).ToList();
        var missing = texts.Where(text => !lines.Any(line => line.EndsWith(text, StringComparison.Ordinal) && line.Contains("Petra", StringComparison.Ordinal))).ToList();
        if (missing.Count > 0)
        {
            string pieces = string.Join(", ", ChatClientUnderTest.Pieces.Select(p => ByteText.Quote(Encoding.UTF8.GetBytes(p))));
            throw new CheckFailedException(ChatTexts.FormatChatClientPiecesMissing(pieces, string.Join(", ", missing.Select(m => $"\"{m}\""))) + "\n" + session.ShowOutput());
        }
    }
}
