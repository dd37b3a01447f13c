using SocketExercises.Grader.Checks;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>How the grader treats a password server it did not start: the checks that need its process are skipped.</summary>
public sealed class AuthServerGradingTests
{
    private const string RequiresPassword = "auth.requires-password";
    private const string Secret = "auth.password-kept-secret";

    [Fact]
    public async Task Skips_the_checks_that_need_a_started_server_when_grading_a_running_one()
    {
        // Given the reference auth server is running, started by the test rather than by the grader
        var port = Grade.FreePort();
        var endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port);
        var launcher = new Grader.Running.ServerLauncher(new Grader.Running.LocalServerHost(), TimeProvider.System);
        await using var server = await launcher.StartAsync(
            KitPrograms.SolutionAuthServer, endpoint, Grader.Exercises.Auth.Server.AuthServerTarget.Settings(Grade.Password, Grade.LoginTimeout), Grade.StartTimeout, CancellationToken.None);

        // When it is graded by its port
        var report = await Grade.AuthServerAsync(start: null, port);

        // Then the two checks that need the process are skipped, saying why, and the rest pass
        Assert.Equal([RequiresPassword, Secret], report.Ids(CheckStatus.Skipped));
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Skipped), r => Assert.Contains("--start", r.Message));
        Assert.Equal(0, report.Failed);
    }
}
