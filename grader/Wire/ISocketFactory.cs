using System.Net.Sockets;

namespace SocketExercises.Grader.Wire;

/// <summary>Creates the grader's sockets; tests can substitute one that records or fails.</summary>
public interface ISocketFactory
{
    Socket CreateTcp(AddressFamily family);
}

/// <summary>Plain TCP sockets with Nagle's delay off, so the grader's small writes leave when it says.</summary>
public sealed class TcpSocketFactory : ISocketFactory
{
    public Socket CreateTcp(AddressFamily family) =>
        new(family, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
}
