using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§6: the client connects to the address it is given. Checked first, so a client that never connects is reported once.</summary>
public sealed class Connects : EchoClientCheck
{
    public override CheckInfo Info { get; } = new(
        "echo-client.connects",
        "connects to the server's host and port",
        "§6",
        "Connect to the host and port the client is given (--host/--port, or SOCKET_HOST/SOCKET_PORT; 127.0.0.1:65432 by default).");

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}
