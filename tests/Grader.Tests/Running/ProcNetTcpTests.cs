using System.Net;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Tests.Running;

/// <summary>Reading the kernel's socket table (this machine's, or a container's): listening sockets, where they listen, and which socket each is.</summary>
public sealed class ProcNetTcpTests
{
    private const string Header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";

    [Theory]
    [InlineData("   0: 00000000:FF98 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 12345 1\n", true)] // 0.0.0.0:65432
    [InlineData("   0: 0100007F:FF98 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 12345 1\n", true)] // 127.0.0.1:65432
    [InlineData("   0: 00000000000000000000000000000000:FF98 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 1 1\n", true)] // [::]:65432
    [InlineData("   0: 0200120A:FF98 0100120A:D431 01 00000000:00000000 00:00000000 00000000 65534 0 12345 1\n", false)] // an established connection
    [InlineData("   0: 00000000:FF99 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 12345 1\n", false)] // another port
    [InlineData("", false)]
    public void Finds_a_listening_socket_on_the_port(string lines, bool listens) =>
        Assert.Equal(listens, ProcNetTcp.Listens(Header + lines, 65432));

    [Theory]
    [InlineData("   0: 0100007F:FF98 00000000:0000 0A 00000000:00000000 00:00000000 00000000 65534 0 12345 1\n", "127.0.0.1:65432", 12345)]
    [InlineData("   0: 00000000000000000000000001000000:1F90 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000 0 0 777 1\n", "[::1]:8080", 777)]
    public void Reads_where_a_socket_listens_and_which_socket_it_is(string line, string endpoint, long inode)
    {
        var socket = Assert.Single(ProcNetTcp.Listening(Header + line));

        Assert.Equal(IPEndPoint.Parse(endpoint), socket.Endpoint);
        Assert.Equal(inode, socket.Inode);
    }
}
