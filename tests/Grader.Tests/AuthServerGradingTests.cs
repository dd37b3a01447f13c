using System.Net;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Cli;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// How the grader treats a password server it did not start: the checks that need its process, or its code, are
/// skipped, and that is no failure.
/// </summary>
public sealed class AuthServerGradingTests
{
    private const string RequiresPassword = "auth.requires-password";
    private const string Secret = "auth.password-kept-secret";
    private const string ConstantTime = "auth.compares-in-constant-time";

    [Fact]
    public async Task Skips_the_checks_that_need_a_started_server_when_grading_a_running_one()
    {
        // Given the reference auth server is running, started by the test rather than by the grader
        await using var server = await StartReferenceServerAsync();

        // When it is graded by its port
        var report = await Grade.AuthServerAsync(start: null, server.Endpoint.Port);

        // Then the two checks that need the process are skipped, saying why, and so is the one that reads its code,
        // which a port does not give; the rest pass
        Assert.Equal([RequiresPassword, Secret, ConstantTime], report.Ids(CheckStatus.Skipped));
        Assert.All(report.Results.Where(r => r.Info.Id != ConstantTime && r.Status == CheckStatus.Skipped), r => Assert.Contains("--start", r.Message));
        Assert.Contains("--port", report.Results.Single(r => r.Info.Id == ConstantTime).Message);
        Assert.Equal(0, report.Failed);
    }

    [Fact]
    public async Task The_command_line_exits_0_for_a_running_server_though_two_checks_need_start()
    {
        await using var server = await StartReferenceServerAsync();

        int exit = await GraderCommandLine.Build()
            .Parse(["check", "auth-server", "--port", $"{server.Endpoint.Port}", "--password", Grade.Password, "--login-timeout", "3", "--lang", "en"])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, exit);
    }

    private static Task<IServerProcess> StartReferenceServerAsync() =>
        new ServerLauncher(new LocalServerHost(), TimeProvider.System).StartAsync(
            KitPrograms.SolutionAuthServer,
            new IPEndPoint(IPAddress.Loopback, Grade.FreePort()),
            AuthServerTarget.Settings(Grade.Password, Grade.LoginTimeout),
            Grade.StartTimeout,
            CancellationToken.None);
}
