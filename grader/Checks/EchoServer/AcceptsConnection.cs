namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§1: the server listens and accepts. The first check, so an unreachable server is reported once, here.</summary>
public sealed class AcceptsConnection : EchoServerCheck
{
    public override CheckInfo Info { get; } = new(
        "echo.accepts-connection",
        "accepts a TCP connection on the given host and port",
        "§1",
        "Bind the listening socket to the host and port the server is given (--host/--port, or SOCKET_HOST/SOCKET_PORT), call Listen(), then AcceptAsync() in a loop.");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync("the client", cancellationToken);
    }
}
