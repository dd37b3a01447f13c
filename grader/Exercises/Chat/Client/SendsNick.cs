using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>§26: the first line is <c>NICK</c> and the name the client was given, in UTF-8.</summary>
public sealed class SendsNick : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.sends-nick", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        byte[] expected = Encoding.UTF8.GetBytes($"NICK {target.Nick}\n");
        if (!IsLine(exchange.FirstLine, expected[..^1]))
        {
            throw new CheckFailedException(
                ChatTexts.FormatChatClientNickExpected(ByteText.Quote(expected), Show(exchange.FirstLine)) + "\n"
                + ByteDiff.Describe(expected, exchange.FirstLine) + "\n" + session.ShowOutput());
        }
    }
}
