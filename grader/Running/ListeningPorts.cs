using System.Net;
using System.Net.NetworkInformation;

namespace SocketExercises.Grader.Running;

/// <summary>The system's table of listening TCP sockets: whether a server listens, learned without connecting to it.</summary>
public static class ListeningPorts
{
    /// <summary>Whether some socket listens where a connection to <paramref name="endpoint"/> would go.</summary>
    public static bool Contains(IPEndPoint endpoint) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Any(l => Serves(l, endpoint));

    /// <summary>Whether a socket listening at <paramref name="listener"/> takes connections to <paramref name="endpoint"/>.</summary>
    public static bool Serves(IPEndPoint listener, IPEndPoint endpoint) => listener.Port == endpoint.Port && (
        listener.Address.Equals(endpoint.Address)
        || listener.Address.Equals(IPAddress.Any)
        || listener.Address.Equals(IPAddress.IPv6Any)
        || (listener.Address.IsIPv4MappedToIPv6 && listener.Address.MapToIPv4().Equals(endpoint.Address)));

    /// <summary>
    /// Whether connections on the port are still closing (TIME_WAIT) after an earlier server closed them first:
    /// a new server that does not set SO_REUSEADDR cannot bind the port until they are gone, up to a minute.
    /// </summary>
    public static bool HasClosingConnections(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Any(c => c.LocalEndPoint.Port == port && c.State == TcpState.TimeWait);
}
