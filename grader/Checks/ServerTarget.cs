using System.Net;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks;

/// <summary>The running server that server checks talk to; every connection goes through the bounded wire.</summary>
/// <param name="endpoint">Where the server is now: a server the grader restarts in a container may move.</param>
public sealed class ServerTarget(Func<IPEndPoint> endpoint, WireConnector connector)
{
    public ServerTarget(IPEndPoint endpoint, WireConnector connector)
        : this(() => endpoint, connector)
    {
    }

    public IPEndPoint Endpoint => endpoint();

    public Task<WireConnection> ConnectAsync(string label, CancellationToken cancellationToken) =>
        connector.ConnectAsync(endpoint(), label, cancellationToken);

    public override string ToString() => endpoint().ToString();
}
