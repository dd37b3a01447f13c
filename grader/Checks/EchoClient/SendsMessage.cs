using System.Text;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§7: the client sends its message, all of it and only it.</summary>
public sealed class SendsMessage : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.sends-message", "§7");

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoExchange exchange)
    {
        var expected = Encoding.UTF8.GetBytes(client.ExpectedMessage);
        if (exchange.Request.AsSpan().SequenceEqual(expected))
        {
            return;
        }
        if (exchange.Request.Length == 0)
        {
            throw new CheckFailedException(string.Format(Strings.ClientConnectedSentNothing, ByteText.Quote(expected)) + "\n" + session.ShowOutput());
        }
        throw new CheckFailedException(
            string.Format(Strings.ClientWrongMessage, ByteText.Quote(expected)) + "\n"
            + ByteDiff.Describe(expected, exchange.Request));
    }
}
