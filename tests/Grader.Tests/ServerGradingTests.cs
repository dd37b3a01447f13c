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
    public async Task A_chat_server_that_never_answers_is_graded_within_the_grading_budget()
    {
        // Given a server that accepts connections and says nothing, graded as a chat server (twenty checks that each wait for a line)
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.CatalogueServer("silent"));

        // Then only its first stall waits out the full reply timeout, and the grading ends within the budget
        Assert.Contains(report.Notes, n => n.Contains("sent nothing for 2 s where a reply was due", StringComparison.Ordinal));
        Assert.True(report.Duration < Grade.Options().TotalTimeLimit + TimeSpan.FromSeconds(2), $"Grading took {report.Duration}.");
    }

    [Fact]
    public async Task A_server_that_stalls_is_waited_for_less_after_its_first_stall_and_keeps_what_it_passes()
    {
        // Given an echo server that answers only once its 4 KiB buffer is full: short messages stall, 1 MiB does not
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("waits-for-full-buffer"));

        // Then its first stall waits the full 2 s, every later one half a second, and the report says why
        var failed = report.Results.Where(r => r.Status == CheckStatus.Failed).ToList();
        Assert.Contains("within 2 s", failed[0].Message, StringComparison.Ordinal);
        Assert.All(failed.Skip(1), r => Assert.Contains("within 500 ms", r.Message, StringComparison.Ordinal));
        var note = Assert.Single(report.Notes);
        Assert.Contains($"first in {failed[0].Info.Id}", note, StringComparison.Ordinal);

        // And what it does right still passes: the waits it meets after its stall are for replies it never sends
        Assert.Equal([Accepts, "echo.large-payload", "echo.closes-after-half-close"], report.Ids(CheckStatus.Passed));
    }

    [Fact]
    public async Task A_client_that_does_not_exit_is_given_less_time_to_exit_after_its_first_run()
    {
        // Given a client that waits for the server to close before it exits (the server never does)
        var report = await Grade.EchoClientAsync(KitPrograms.CatalogueClient("waits-for-server-to-close"));

        // Then the first run waits the full 5 s for its exit, the next ones less, and the report says why
        Assert.Contains("still running 5 s after its echo", report.Results.Single(r => r.Info.Id == "echo-client.exits-zero").Message, StringComparison.Ordinal);
        Assert.Contains(report.Notes, n => n.Contains("each run gave it four times as long to exit", StringComparison.Ordinal));
    }
}
