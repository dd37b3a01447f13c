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

    /// <summary>Opens a connection for the check that <paramref name="context"/> runs, written into its transcript.</summary>
    /// <param name="label">How the connection is named in messages ("client 2").</param>
    public Task<WireConnection> ConnectAsync(string label, CheckContext context) =>
        connector.ConnectAsync(endpoint(), label, context.Transcript, context.Limits, context.Patience, context.Cancellation);

    /// <summary>
    /// Opens a connection that writes nothing into the transcript: one of many (a hundred clients in a room),
    /// or one that carries megabytes. The check notes in the transcript what it did with it.
    /// </summary>
    public Task<WireConnection> ConnectUnrecordedAsync(string label, CheckContext context) =>
        connector.ConnectAsync(endpoint(), label, null, context.Limits, context.Patience, context.Cancellation);

    public override string ToString() => endpoint().ToString();
}
