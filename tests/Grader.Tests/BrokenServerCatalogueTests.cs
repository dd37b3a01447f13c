using SocketExercises.Grader.Checks;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The grader's worth: every broken server in the catalogue (tests/Catalogue/Servers.cs) fails the check
/// meant for its mistake, listed first, and exactly the checks its mistake really breaks; the correct ones
/// written unusually pass everything.
/// </summary>
public sealed class BrokenServerCatalogueTests
{
    private const string Accepts = "echo.accepts-connection";
    private const string SecondClient = "echo.second-client";
    private const string Short = "echo.short-message";
    private const string Utf8 = "echo.utf8-text";
    private const string AllBytes = "echo.all-byte-values";
    private const string OneByte = "echo.one-byte-at-a-time";
    private const string Several = "echo.several-messages";
    private const string Large = "echo.large-payload";
    private const string HalfClose = "echo.closes-after-half-close";
    private const string NothingExtra = "echo.nothing-extra";
    private const string Concurrent = "echo.concurrent-clients";
    private const string Reset = "echo.survives-reset";

    private static readonly string[] AllButAccepts =
        [SecondClient, Short, Utf8, AllBytes, OneByte, Several, Large, HalfClose, NothingExtra, Concurrent, Reset];

    public static TheoryData<string, string[]> Broken => new()
    {
        { "reads-once", [OneByte, Several, Large] },
        { "one-client-at-a-time", [Concurrent] },
        // Restarted after each client, it is still graded on the rest: it echoes correctly.
        { "exits-after-first-client", [SecondClient, Concurrent, Reset] },
        { "dies-on-reset", [Reset] },
        { "ignores-half-close", [HalfClose] },
        { "decodes-ascii", [Utf8, AllBytes, Large] },
        { "decodes-utf8", [AllBytes, Large] },
        // The extra bytes trail each echo, so an exchange that reads just its echo back does not see them.
        { "sends-whole-buffer", [NothingExtra, OneByte, Several, Large, HalfClose, Reset] },
        { "appends-newline", [NothingExtra, OneByte, Several, Large, HalfClose, Reset] },
        { "sends-greeting", [NothingExtra, .. AllButAccepts.Except([NothingExtra])] },
        // Echoes only in 4 KiB blocks or at the end: 1 MiB and a half-close come through, nothing short does.
        { "waits-for-full-buffer", [Short, SecondClient, Utf8, AllBytes, OneByte, Several, NothingExtra, Concurrent, Reset] },
        { "floods", [NothingExtra, .. AllButAccepts.Except([NothingExtra])] },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Catches_a_broken_server(string server, string[] expectedFailures)
    {
        // Given a server from the catalogue with one mistake
        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer(server));

        // Then exactly the checks its mistake breaks fail, the one meant for it among them, and none is skipped
        Assert.True(
            expectedFailures.Order().SequenceEqual(report.Ids(CheckStatus.Failed).Order()),
            $"Expected to fail: {string.Join(", ", expectedFailures.Order())}\n{report.Describe()}");
        Assert.Equal(0, report.Skipped);
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Failed), r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
    }

    [Theory]
    [InlineData("correct")]
    [InlineData("correct-seven-byte-buffer")]
    [InlineData("correct-slow")]
    [InlineData("correct-stream-copy")]
    public async Task Passes_a_correct_server_however_it_is_written(string server)
    {
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer(server));

        Assert.True(report.Succeeded, report.Describe());
    }

    [Fact]
    public async Task Restarts_a_started_server_that_exits_after_each_client_and_says_so()
    {
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("exits-after-first-client"));

        var note = Assert.Single(report.Notes, n => n.Contains("started it again", StringComparison.Ordinal));
        Assert.Contains($"after: {SecondClient}", note);
    }

    [Fact]
    public async Task Reports_an_unreachable_server_once_and_skips_the_rest()
    {
        // Given nothing listens on the port
        var report = await Grade.ServerAsync(EchoServer, start: null);

        // Then the first check fails, saying so, and every other check is skipped rather than failed again
        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal(Accepts, failed.Info.Id);
        Assert.Contains("connection refused", failed.Message);
        Assert.Equal(11, report.Skipped);
    }

    [Fact]
    public async Task Grading_a_server_that_never_answers_stops_within_the_grading_budget()
    {
        // Given a server that accepts connections and then says nothing, and a short grading budget
        var options = new GradingOptions { Seed = 42, TotalTimeLimit = TimeSpan.FromSeconds(5) };

        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("silent"), options);

        // Then it passes only the connection, fails what was run, and the rest is skipped for want of time
        Assert.Equal([Accepts], report.Ids(CheckStatus.Passed));
        Assert.NotEmpty(report.Ids(CheckStatus.Failed));
        Assert.Contains(report.Results, r => r.Status == CheckStatus.Skipped && r.Message!.Contains("grading stops after 5 s", StringComparison.Ordinal));
        Assert.True(report.Duration < options.TotalTimeLimit + TimeSpan.FromSeconds(3), $"Grading took {report.Duration}.");
    }
}
