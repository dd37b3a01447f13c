using System.Net;
using System.Net.NetworkInformation;

namespace SocketExercises.Grader.Running;

/// <summary>The system's table of listening TCP sockets: whether a server listens, learned without connecting to it.</summary>
public static class ListeningPorts
{
    /// <summary>Whether some socket listens where a connection to <paramref name="endpoint"/> would go.</summary>
    public static bool Contains(IPEndPoint endpoint)
    {
        var listeners = IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners();
        return listeners.Any(l => l.Port == endpoint.Port && (
            l.Address.Equals(endpoint.Address)
            || l.Address.Equals(IPAddress.Any)
            || l.Address.Equals(IPAddress.IPv6Any)
            || (l.Address.IsIPv4MappedToIPv6 && l.Address.MapToIPv4().Equals(endpoint.Address))));
    }

    /// <summary>
    /// Whether connections on the port are still closing (TIME_WAIT) after an earlier server closed them first:
    /// a new server that does not set SO_REUSEADDR cannot bind the port until they are gone, up to a minute.
    /// </summary>
    public static bool HasClosingConnections(int port) =>
        IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpConnections()
            .Any(c => c.LocalEndPoint.Port == port && c.State == TcpState.TimeWait);
}
