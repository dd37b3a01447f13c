using System.Diagnostics;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests.Hostile;

/// <summary>
/// Started servers that stay alive but listen nowhere, from the start or soon after it, and clients that never
/// connect or never stop sending: each grading ends in seconds, not at a timeout meant for slow starts, with a
/// whole report that says what the program did.
/// </summary>
public sealed class IdleProgramTests
{
    private static readonly string StopsListening = Path.Combine(KitPrograms.HostilePrograms, "stops_listening_server.py");
    private static readonly string BusyProgram = Path.Combine(KitPrograms.HostilePrograms, "busy_program.py");

    [Theory]
    [InlineData("sleep 600")]
    [InlineData("python3 '{script}' 0")]
    [InlineData("python3 '{script}' 0.05")]
    [InlineData("python3 '{script}' 0.25")]
    public async Task A_server_that_listens_nowhere_and_does_nothing_is_graded_in_seconds_with_a_whole_report(string command)
    {
        // Given a server that never listens, or stops listening after a while, and stays alive
        var start = new ShellCommand(command.Replace("{script}", StopsListening, StringComparison.Ordinal));

        // When it is graded (the start timeout is the tests' 30 s)
        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ServerAsync(EchoServer, start);

        // Then every check has its verdict, each failure says why, and it took seconds, not the start timeout.
        // (Which checks fail depends on when the server closed its socket, as the grader saw it: before the
        // first check, or during the checks.)
        Assert.Equal(EchoServer.Checks.Count, report.Results.Count);
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Failed), r => Assert.False(string.IsNullOrWhiteSpace(r.Message), report.Describe()));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{stopwatch.Elapsed}\n{report.Describe()}");
    }

    [Fact]
    public async Task One_that_never_listens_is_told_it_waits_for_nothing()
    {
        var report = await Grade.ServerAsync(EchoServer, new ShellCommand("sleep 600"));

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Contains("does not listen on port", failed.Message);
        Assert.Contains("used no processor time", failed.Message);
        Assert.Equal(Idleness.Limit, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_client_that_never_connects_and_does_nothing_is_told_so_in_seconds()
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ProgramAsync(EchoClient, new ShellCommand("sleep 600"), cancellationToken: TestContext.Current.CancellationToken);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Contains("has not connected", failed.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{stopwatch.Elapsed}\n{report.Describe()}");
    }

    [Fact]
    public async Task A_server_that_computes_without_end_and_never_listens_is_told_so_after_seconds_of_its_own_code()
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ServerAsync(EchoServer, new ShellCommand($"exec python3 '{BusyProgram}'"));

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Contains("has run its own code for 10 s", failed.Message);
        Assert.Contains("does not listen on port", failed.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{stopwatch.Elapsed}\n{report.Describe()}");
    }

    [Fact]
    public async Task A_client_that_computes_without_end_and_never_connects_is_told_so_after_seconds_of_its_own_code()
    {
        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ProgramAsync(EchoClient, new ShellCommand($"exec python3 '{BusyProgram}'"), cancellationToken: TestContext.Current.CancellationToken);

        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Contains("has run its own code for 10 s", failed.Message);
        Assert.Contains("has not connected", failed.Message);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{stopwatch.Elapsed}\n{report.Describe()}");
    }

    [Fact]
    public async Task A_client_that_sends_without_end_and_never_reads_is_graded_in_seconds()
    {
        var client = new ShellCommand($"exec python3 '{Path.Combine(KitPrograms.HostilePrograms, "streaming_client.py")}'");

        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ProgramAsync(EchoClient, client, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(report.Results, r => r.Info.Id == "echo-client.sends-message" && r.Status == CheckStatus.Failed);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(30), $"{stopwatch.Elapsed}\n{report.Describe()}");
    }
}
