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
}
