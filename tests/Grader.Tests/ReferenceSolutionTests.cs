using SocketExercises.Grader.Checks;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

public sealed class ReferenceSolutionTests
{
    [Fact]
    public async Task The_reference_echo_server_passes_every_check()
    {
        // Given the reference echo server, started by the grader
        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.SolutionEchoServer);

        // Then every check passes, and the server did not need restarting
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(12, report.Passed);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public async Task The_reference_echo_client_passes_every_check()
    {
        var report = await Grade.EchoClientAsync(KitPrograms.SolutionEchoClient);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(5, report.Passed);
    }

    [Fact]
    public async Task The_reference_echo_client_passes_with_a_message_in_Croatian()
    {
        // Given the client is told what to send, and the grader what to expect
        const string message = "Dobar dan, čćžšđ!";
        var client = KitPrograms.Project("solutions/01-echo/EchoClient", $"--port {{port}} \"{message}\"");

        var report = await Grade.EchoClientAsync(client, message);

        Assert.True(report.Succeeded, report.Describe());
    }

    [Fact]
    public async Task A_client_that_knows_only_one_port_is_graded_when_the_grader_listens_there()
    {
        // Given a client that always connects to one fixed port, as the course's first example does
        int port = Grade.FreePort();
        var client = KitPrograms.Project("solutions/01-echo/EchoClient", $"--port {port}");

        // When the grader is told to listen on that port (--listen-port)
        var report = await Grade.EchoClientAsync(client, listenPort: port);

        // Then both runs of the client reach it
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(CheckStatus.Passed, report.Results.Single(r => r.Info.Id == "echo-client.reassembles-pieces").Status);
    }

    [Fact]
    public async Task The_reference_auth_server_passes_every_check()
    {
        var report = await Grade.AuthServerAsync(KitPrograms.SolutionAuthServer);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(16, report.Passed);
    }

    [Fact]
    public async Task The_reference_auth_client_passes_every_check()
    {
        var report = await Grade.AuthClientAsync(KitPrograms.SolutionAuthClient);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(6, report.Passed);
    }
}
