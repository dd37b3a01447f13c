using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Running;

/// <summary>
/// Advice from evidence: the grader suggests SO_REUSEADDR for a server that exited before it listened only
/// when the server's own output says its address was in use, whatever language said it. And a server is taken to
/// listen only where it does itself, not where another program took its port first.
/// </summary>
public sealed class ServerLauncherTests
{
    [Theory]
    [InlineData("OSError: [Errno 98] Address already in use")] // Python
    [InlineData("EchoServer: The port is already in use: is another server still running? Stop it or choose --port.")] // the kit's programs
    [InlineData("Unhandled exception. System.Net.Sockets.SocketException (98): Address already in use")] // .NET, uncaught
    [InlineData("Error: listen EADDRINUSE: address already in use 127.0.0.1:65432")] // Node
    [InlineData("java.net.BindException: Address already in use (Bind failed)")] // Java
    [InlineData("bind failed: AddressAlreadyInUse")] // .NET's SocketError, printed by name
    public void An_output_that_says_the_address_is_in_use_is_recognised(string output) =>
        Assert.True(ServerLauncher.SaysAddressInUse(output));

    [Theory]
    [InlineData("ChatServer: TODO 1 is not done yet: listen and accept clients, each one a Member of one Room.")] // a starter
    [InlineData("Traceback (most recent call last):\nKeyError: 'SOCKET_PASSWORD'")] // a crash of another kind
    [InlineData("")] // a program that said nothing
    public void Any_other_exit_is_not_taken_for_a_port_in_use(string output) =>
        Assert.False(ServerLauncher.SaysAddressInUse(output));

    [Fact]
    public async Task A_server_is_not_taken_to_listen_where_another_program_took_its_port()
    {
        // Given a server that never listens and exits with 3, and another program that takes its port meanwhile
        // (two gradings on one machine: the port was free when the grader chose it)
        var endpoint = new IPEndPoint(IPAddress.Loopback, Grade.FreePort());
        var starting = new ServerLauncher(new LocalServerHost(), TimeProvider.System).StartAsync(
            new ShellCommand("sleep 1; exit 3"), endpoint, [], TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
        using var other = new TcpListener(endpoint);
        other.Start();

        // When the grader waits for it to listen, then it sees the server exit, not the other program's port
        var refused = await Assert.ThrowsAsync<ServerStartException>(() => starting);
        Assert.Equal(3, refused.ExitCode);
    }
}
