using System.Net;
using System.Net.Sockets;

namespace SocketExercises.Grader.Running;

/// <summary>Ports for programs the grader starts, picked by the operating system as unused.</summary>
public static class FreePort
{
    /// <summary>A port on <paramref name="address"/> that was free a moment ago: free again for the program to bind.</summary>
    public static IPEndPoint On(IPAddress address)
    {
        using var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(address, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }
}
