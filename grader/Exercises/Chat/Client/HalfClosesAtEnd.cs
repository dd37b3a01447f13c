using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// §26: at the end of its input the client shuts down its sending side, prints what the server still sends
/// (a message sent after the half-close), and exits with 0 once the server closes. A client that closes the
/// whole socket, or exits, at the end of its input loses that message.
/// </summary>
public sealed class HalfClosesAtEnd : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.half-closes-at-end", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        if (!exchange.ClosedAfterEndOfInput)
        {
            string what = exchange.SentAfterEndOfInput.Length > 0
                ? ChatTexts.FormatChatClientSentAfterEnd(ByteText.Quote(exchange.SentAfterEndOfInput, 96))
                : ChatTexts.FormatChatClientKeptOpen(Durations.Format(target.Server.Limits.ExitTimeout));
            throw new CheckFailedException(ChatTexts.FormatChatClientNoHalfClose(what) + "\n" + session.ShowOutput());
        }
        if (!session.Output.Contains("zadnja poruka", StringComparison.Ordinal))
        {
            throw new CheckFailedException(ChatTexts.FormatChatClientLastLineLost(
                ByteText.Quote(System.Text.Encoding.UTF8.GetBytes(ChatClientUnderTest.LastLine))) + "\n" + session.ShowOutput());
        }
        ExpectExit(session, ChatTexts.ChatClientAfterServerClosed, success: true);
    }
}
