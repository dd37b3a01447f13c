using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>§26: each line typed is sent as a line, in UTF-8: the one typed before OK once OK has come, and one with Croatian letters.</summary>
public sealed class SendsTypedLines : ChatClientCheck
{
    public override CheckInfo Info { get; } = new("chat-client.sends-typed-lines", "§26", ChatTexts.ResourceManager);

    protected override void Judge(ChatClientUnderTest target, ClientSession session, ChatClientExchange exchange)
    {
        string[] typed = [ChatClientUnderTest.TypedEarly, ChatClientUnderTest.TypedLater];
        for (int i = 0; i < typed.Length; i++)
        {
            byte[] expected = Encoding.UTF8.GetBytes(typed[i] + "\n");
            byte[] sent = i < exchange.Typed.Count ? exchange.Typed[i] : [];
            if (!IsLine(sent, expected[..^1]))
            {
                throw new CheckFailedException(
                    ChatTexts.FormatChatClientTypedExpected(ByteText.Quote(Encoding.UTF8.GetBytes(typed[i])), ByteText.Quote(expected), Show(sent)) + "\n"
                    + ByteDiff.Describe(expected, sent) + "\n" + session.ShowOutput());
            }
        }
    }
}
