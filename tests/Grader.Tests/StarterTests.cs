using SocketExercises.Grader.Checks;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

public sealed class StarterTests
{
    [Fact]
    public async Task The_unfinished_echo_server_fails_and_the_report_points_at_its_first_TODO()
    {
        // Given the echo server starter, its TODOs not done
        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.StarterEchoServer);

        // Then it fails once, saying why, and nothing else is run
        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal("echo.accepts-connection", failed.Info.Id);
        Assert.Contains("exited with code 3", failed.Message);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
        Assert.Equal(11, report.Skipped);
    }

    [Fact]
    public async Task The_unfinished_echo_client_fails_and_the_report_points_at_its_first_TODO()
    {
        var report = await Grade.EchoClientAsync(KitPrograms.StarterEchoClient);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal("echo-client.connects", failed.Info.Id);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
        Assert.Equal(4, report.Skipped);
    }

    [Fact]
    public async Task The_unfinished_auth_server_fails_and_the_report_points_at_its_first_TODO()
    {
        var report = await Grade.AuthServerAsync(KitPrograms.StarterAuthServer);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal("auth.accepts-connection", failed.Info.Id);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
    }

    [Fact]
    public async Task The_unfinished_auth_client_fails_and_the_report_points_at_its_first_TODO()
    {
        var report = await Grade.AuthClientAsync(KitPrograms.StarterAuthClient);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal("auth-client.connects", failed.Info.Id);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
    }

    [Fact]
    public async Task The_unfinished_chat_server_fails_and_the_report_points_at_its_first_TODO()
    {
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.StarterChatServer);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal("chat.accepts-connection", failed.Info.Id);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
    }
}
