using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Wire;

/// <summary>Opens the grader's connections to a server, each bounded by <see cref="WireLimits.ConnectTimeout"/>.</summary>
public sealed class WireConnector(ISocketFactory sockets, TimeProvider time)
{
    /// <summary>Connects, or throws <see cref="ServerUnreachableException"/> if the server does not accept in time.</summary>
    /// <param name="endpoint">The server.</param>
    /// <param name="label">How the connection is named in failure messages ("client 2").</param>
    /// <param name="transcript">Where the connection writes what happens on it; null to keep nothing.</param>
    /// <param name="limits">The check's limits: its reply timeout is what <paramref name="patience"/> gave it.</param>
    /// <param name="patience">Learns from the connection how promptly the server replies.</param>
    /// <param name="cancellationToken">The check's own time limit.</param>
    public async Task<WireConnection> ConnectAsync(
        IPEndPoint endpoint, string label, Transcript? transcript, WireLimits limits, Patience patience, CancellationToken cancellationToken)
    {
        var socket = sockets.CreateTcp(endpoint.AddressFamily);
        using var deadline = Deadline.After(limits.ConnectTimeout, time, cancellationToken);
        try
        {
            await socket.ConnectAsync(endpoint, deadline.Token);
            return new WireConnection(socket, label, limits, time, transcript, patience);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw ServerUnreachableException.From(endpoint, e);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new ServerUnreachableException(endpoint, Strings.FormatUnreachableNoAnswerWithin(Durations.Format(limits.ConnectTimeout)));
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
