using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Wire;

/// <summary>The grader could not open a connection: the server is not running, not listening there, or gone.</summary>
public sealed class ServerUnreachableException(EndPoint endpoint, string reason)
    : TargetUnreachableException($"Could not connect to {endpoint}: {reason}.")
{
    public static ServerUnreachableException From(EndPoint endpoint, SocketException e) => new(endpoint, e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection refused (nothing is listening on that port)",
        SocketError.TimedOut => "no answer (the connection attempt timed out)",
        SocketError.ConnectionReset => "the connection was reset as it was made (is the server shutting down?)",
        _ => $"{e.SocketErrorCode} ({e.Message})",
    });
}
