using System.Net;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks;

/// <summary>The running server that server checks talk to; every connection goes through the bounded wire.</summary>
public sealed class ServerTarget(IPEndPoint endpoint, WireConnector connector)
{
    public IPEndPoint Endpoint => endpoint;

    public Task<WireConnection> ConnectAsync(string label, CancellationToken cancellationToken) =>
        connector.ConnectAsync(endpoint, label, cancellationToken);

    public override string ToString() => endpoint.ToString();
}
