using SocketExercises.Grader.Checks;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

/// <summary>How the grader treats a server that leaves: one that exits after each client, one that is not there, one that never answers.</summary>
public sealed class ServerGradingTests
{
    private const string Accepts = "echo.accepts-connection";

    [Fact]
    public async Task Restarts_a_started_server_that_exits_after_each_client_and_says_so()
    {
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("exits-after-first-client"));

        // It exits after each client; which check first finds it gone depends on how fast it exits (under load,
        // not always the second): the note names a check, whichever it was.
        var note = Assert.Single(report.Notes, n => n.Contains("started it again", StringComparison.Ordinal));
        Assert.Matches(@"after: echo\.[a-z0-9-]+", note);
    }

    [Fact]
    public async Task Says_where_a_started_server_listens_when_it_is_not_where_it_was_told()
    {
        // Given a server that listens on a port of its own, not the one it is given
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("ignores-given-port"));

        // Then the first check says where it does listen, without waiting out the start timeout
        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal(Accepts, failed.Info.Id);
        Assert.Matches(@"The server listens on 127\.0\.0\.1:\d+, not on 127\.0\.0\.1:\d+, where it was told to listen", failed.Message);
        Assert.True(report.Duration < Grade.StartTimeout, $"Grading took {report.Duration}.");
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
        var options = Grade.Options() with { TotalTimeLimit = TimeSpan.FromSeconds(5) };

        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("silent"), options);

        // Then it passes only the connection, fails what was run, and the rest is skipped for want of time
        Assert.Equal([Accepts], report.Ids(CheckStatus.Passed));
        Assert.NotEmpty(report.Ids(CheckStatus.Failed));
        Assert.Contains(report.Results, r => r.Status == CheckStatus.Skipped && r.Message!.Contains("grading stops after 5 s", StringComparison.Ordinal));
        Assert.True(report.Duration < options.TotalTimeLimit + TimeSpan.FromSeconds(3), $"Grading took {report.Duration}.");
    }

    [Fact]
    public async Task A_chat_server_that_never_answers_is_graded_within_the_exercise_s_own_limit()
    {
        // Given a server that accepts connections and says nothing, graded as a chat server with the grader's 20 s
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.CatalogueServer("silent"));

        // Then grading stops at the chat exercise's 14 s, and the checks not reached say so
        Assert.Contains(report.Results, r => r.Status == CheckStatus.Skipped && r.Message!.Contains("grading stops after 14 s", StringComparison.Ordinal));
        Assert.True(report.Duration < ChatServer.GradingTimeLimit!.Value + TimeSpan.FromSeconds(2), $"Grading took {report.Duration}.");
    }
}
