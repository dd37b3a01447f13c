using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: the simplest echo, the course's own message.</summary>
public sealed class EchoesShortMessage : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.short-message", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await EchoExchange.EchoAsync(client, "Hello, world", cancellationToken);
    }
}
