using System.Text;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: the server sends back the client's bytes and nothing else: no greeting, no newline, no goodbye.</summary>
public sealed class SendsNothingExtra : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.nothing-extra", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync("the client", cancellationToken);
        await EchoExchange.ExpectNothingAsync(client, "before sending anything", cancellationToken);

        var message = Encoding.UTF8.GetBytes("ping");
        await EchoExchange.EchoAsync(client, message, cancellationToken);
        await EchoExchange.ExpectNothingAsync(client, "after the echo", cancellationToken);

        client.ShutdownSend();
        var rest = await client.ReceiveWhileTalkingAsync(cancellationToken);
        if (rest.Data.Length > 0)
        {
            throw new CheckFailedException(
                $"After the client shut down its sending side, it received {rest.Data.Length} bytes it never sent: {Wire.ByteText.Quote(rest.Data, 96)}.");
        }
    }
}
