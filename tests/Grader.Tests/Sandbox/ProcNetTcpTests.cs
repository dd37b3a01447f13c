using SocketExercises.Grader.Sandbox;

namespace SocketExercises.Grader.Tests.Sandbox;

/// <summary>Reading a container's socket table: a listening socket on the port, on any address, and nothing else.</summary>
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
}
