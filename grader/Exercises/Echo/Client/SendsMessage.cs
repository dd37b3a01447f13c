using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§7: the client sends its message, all of it and only it.</summary>
public sealed class SendsMessage : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.sends-message", "§7", EchoTexts.ResourceManager);

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange)
    {
        var expected = Encoding.UTF8.GetBytes(client.ExpectedMessage);
        if (exchange.Request.AsSpan().SequenceEqual(expected))
        {
            return;
        }
        if (exchange.Request.Length == 0)
        {
            throw new CheckFailedException(EchoTexts.FormatClientConnectedSentNothing(ByteText.Quote(expected)) + "\n" + session.ShowOutput());
        }
        throw new CheckFailedException(
            EchoTexts.FormatClientWrongMessage(ByteText.Quote(expected)) + "\n"
            + ByteDiff.Describe(expected, exchange.Request));
    }
}
