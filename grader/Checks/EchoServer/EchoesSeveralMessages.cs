using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: one connection, several messages, each echoed before the next is sent.</summary>
public sealed class EchoesSeveralMessages(Payloads payloads) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.several-messages", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var random = payloads.For(Info.Id);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        for (int i = 1; i <= 5; i++)
        {
            var message = payloads.Text(random, random.Next(1, 200));
            await EchoExchange.EchoAsync(client, message, cancellationToken);
        }
    }
}
