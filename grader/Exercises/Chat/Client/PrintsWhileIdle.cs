using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// §26: a message that arrives while the user types nothing is printed within a second. A client that reads the
/// server only after each typed line prints it only after the next Enter, here never.
/// </summary>
public sealed class PrintsWhileIdle : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.prints-while-idle", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        if (exchange.PrintedWhileIdle is null)
        {
            throw new CheckFailedException(ChatTexts.FormatChatClientNotPrintedIdle(
                ByteText.Quote(System.Text.Encoding.UTF8.GetBytes(ChatClientUnderTest.IdleLine)),
                Durations.Format(ChatClientUnderTest.PrintWithin)) + "\n" + session.ShowOutput());
        }
    }
}
