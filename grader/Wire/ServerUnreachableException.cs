using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Wire;

/// <summary>The grader could not open a connection: the server is not running, not listening there, or gone.</summary>
public sealed class ServerUnreachableException(EndPoint endpoint, string reason)
    : TargetUnreachableException(Strings.FormatServerUnreachable(endpoint, reason))
{
    public static ServerUnreachableException From(EndPoint endpoint, SocketException e) => new(endpoint, e.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => Strings.UnreachableRefused,
        SocketError.TimedOut => Strings.UnreachableTimedOut,
        SocketError.ConnectionReset => Strings.UnreachableReset,
        _ => $"{e.SocketErrorCode} ({e.Message})",
    });
}
