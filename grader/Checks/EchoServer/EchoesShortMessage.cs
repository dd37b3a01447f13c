namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: the simplest echo, the course's own message.</summary>
public sealed class EchoesShortMessage : EchoServerCheck
{
    public override CheckInfo Info { get; } = new(
        "echo.short-message",
        "echoes a short message",
        "§2",
        "Send back exactly the bytes you received: buffer[0..received], not the whole buffer, and nothing of your own.");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync("the client", cancellationToken);
        await EchoExchange.EchoAsync(client, "Hello, world", cancellationToken);
    }
}
