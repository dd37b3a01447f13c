using SocketExercises.Grader.Checks;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The password exercise's catalogue (tests/Catalogue/AuthServers.cs and AuthClients.cs): every broken program
/// fails the check meant for its mistake, listed first, and exactly the checks its mistake really breaks.
/// </summary>
public sealed class AuthCatalogueTests
{
    private const string RightPassword = "auth.accepts-right-password";
    private const string WrongPassword = "auth.rejects-wrong-password";
    private const string Prefix = "auth.rejects-prefix";
    private const string OtherCase = "auth.rejects-other-case";
    private const string Spaces = "auth.rejects-spaces";
    private const string Empty = "auth.rejects-empty-and-other-commands";
    private const string DataAfterLogin = "auth.keeps-data-after-login";
    private const string InPieces = "auth.login-in-pieces";
    private const string LongLine = "auth.refuses-long-line";
    private const string NothingBeforeOk = "auth.nothing-before-ok";
    private const string SilentClient = "auth.silent-client-delays-no-one";
    private const string LoginTimeout = "auth.login-timeout";
    private const string BadLogins = "auth.survives-bad-logins";
    private const string RequiresPassword = "auth.requires-password";
    private const string Secret = "auth.password-kept-secret";

    // Every check that logs in with the right password: a server that answers it wrongly fails them all.
    private static readonly string[] LogsIn = [RightPassword, DataAfterLogin, InPieces, SilentClient, BadLogins];

    public static TheoryData<string, string[]> BrokenServers => new()
    {
        // Anything after "AUTH " is let in (invalid UTF-8 aside, which it refuses while decoding).
        { "accepts-any-password", [WrongPassword, Prefix, OtherCase, Spaces, Empty, NothingBeforeOk] },
        // StartsWith lets in the password with anything after it, a trailing space included.
        { "prefix-match", [Prefix, Spaces] },
        { "case-insensitive", [OtherCase] },
        { "trims", [Spaces] },
        { "echoes-auth-line", LogsIn },
        { "drops-data-after-login", [DataAfterLogin] },
        // Taking one receive for the line breaks a line in pieces, and one with data after it.
        { "one-read-is-the-line", [InPieces, DataAfterLogin] },
        { "no-login-timeout", [LoginTimeout] },
        { "no-line-limit", [LongLine] },
        // The second of two silent clients is not even read until the first has timed out.
        { "one-client-at-a-time", [SilentClient, LoginTimeout] },
        { "prints-password", [Secret] },
        // Its own password, not the one it is given: the right login fails, and it starts without one.
        { "hardcoded-password", [RequiresPassword, .. LogsIn] },
        { "crashes-without-password", [RequiresPassword] },
    };

    public static TheoryData<string, string[]> BrokenClients => new()
    {
        { "hardcoded-password", ["auth-client.sends-auth"] },
        { "no-newline", ["auth-client.sends-auth"] },
        { "sends-message-with-login", ["auth-client.waits-for-answer"] },
        { "ignores-refusal", ["auth-client.reports-refusal"] },
        // One receive of 16 bytes: "O" alone is not OK, and the refusal's reason is cut short.
        { "reads-answer-once", ["auth-client.ok-in-pieces", "auth-client.reports-refusal"] },
    };

    [Theory]
    [MemberData(nameof(BrokenServers))]
    public async Task Catches_a_broken_auth_server(string server, string[] expectedFailures)
    {
        var report = await Grade.AuthServerAsync(KitPrograms.CatalogueAuthServer(server));

        Assert.True(
            expectedFailures.Order().SequenceEqual(report.Ids(CheckStatus.Failed).Order()),
            $"Expected to fail: {string.Join(", ", expectedFailures.Order())}\n{report.Describe()}");
        Assert.Equal(0, report.Skipped);
    }

    [Theory]
    [InlineData("correct")]
    [InlineData("correct-byte-by-byte")]
    public async Task Passes_a_correct_auth_server_however_it_is_written(string server)
    {
        var report = await Grade.AuthServerAsync(KitPrograms.CatalogueAuthServer(server));

        Assert.True(report.Succeeded, report.Describe());
    }

    [Theory]
    [MemberData(nameof(BrokenClients))]
    public async Task Catches_a_broken_auth_client(string client, string[] expectedFailures)
    {
        var report = await Grade.AuthClientAsync(KitPrograms.CatalogueAuthClient(client));

        Assert.True(
            expectedFailures.Order().SequenceEqual(report.Ids(CheckStatus.Failed).Order()),
            $"Expected to fail: {string.Join(", ", expectedFailures.Order())}\n{report.Describe()}");
    }

    [Theory]
    [InlineData("correct")]
    [InlineData("correct-crlf")]
    public async Task Passes_a_correct_auth_client_however_it_is_written(string client)
    {
        var report = await Grade.AuthClientAsync(KitPrograms.CatalogueAuthClient(client));

        Assert.True(report.Succeeded, report.Describe());
    }

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
