using System.Text;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: the server sends back the client's bytes and nothing else: no greeting, no newline, no goodbye.</summary>
public sealed class SendsNothingExtra : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.nothing-extra", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await EchoExchange.ExpectNothingAsync(client, Strings.WhenBeforeSending, cancellationToken);

        var message = Encoding.UTF8.GetBytes("ping");
        await EchoExchange.EchoAsync(client, message, cancellationToken);
        await EchoExchange.ExpectNothingAsync(client, Strings.WhenAfterEcho, cancellationToken);

        client.ShutdownSend();
        var rest = await client.ReceiveWhileTalkingAsync(cancellationToken);
        if (rest.Data.Length > 0)
        {
            throw new CheckFailedException(
                string.Format(Strings.ExtraAfterShutdown, Counted.Bytes(rest.Data.Length), Wire.ByteText.Quote(rest.Data, 96)));
        }
    }
}
