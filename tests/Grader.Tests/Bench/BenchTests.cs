using SocketExercises.Grader.Bench;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Bench;

/// <summary><c>bench</c>: what its figures say about a server, from the figures alone and on real ones, logging in where the server wants it.</summary>
public sealed class BenchTests
{
    private static LoadResult Result(double medianMs, int lost = 0, long roundTrips = 100) =>
        new(roundTrips * 65536, roundTrips, [.. Enumerable.Repeat(TimeSpan.FromMilliseconds(medianMs), (int)roundTrips)], TimeSpan.FromSeconds(1), lost, 0);

    [Fact]
    public void A_round_trip_as_long_as_a_delayed_ack_is_explained_as_nagle()
    {
        var said = BenchDiagnosis.Of(Result(medianMs: 41), connections: 1, block: 65536);

        Assert.Contains(said, s => s.Contains("Nagle", StringComparison.Ordinal) && s.Contains("NoDelay", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.08, 65536)] // fast
    [InlineData(41, 64)] // one small block fits one segment: Nagle holds nothing back, so 40 ms is something else
    [InlineData(900, 65536)] // far slower than any delayed ACK
    public void Other_figures_are_not_blamed_on_nagle(double medianMs, int block)
    {
        Assert.DoesNotContain(BenchDiagnosis.Of(Result(medianMs), connections: 1, block), s => s.Contains("Nagle", StringComparison.Ordinal));
    }

    [Fact]
    public void Lost_connections_and_no_echo_are_each_said()
    {
        Assert.Contains(BenchDiagnosis.Of(Result(1, lost: 3), connections: 64, block: 64), s => s.Contains("3 of the 64", StringComparison.Ordinal));
        Assert.Contains(BenchDiagnosis.Of(Result(0, roundTrips: 0), connections: 1, block: 64), s => s.Contains("Not one block", StringComparison.Ordinal));
    }

    [Fact]
    public void A_refused_login_is_said_with_the_servers_answer_and_not_taken_for_a_missing_echo()
    {
        var refused = Result(0, roundTrips: 0) with { Refused = 4, Refusal = "\"ERR wrong password\\n\"" };

        var said = BenchDiagnosis.Of(refused, connections: 4, block: 64);

        Assert.Equal(["The server did not let 4 of the 4 connections in. To the login it answered: \"ERR wrong password\\n\""], said);
    }

    [Fact]
    public async Task Benching_the_courses_python_server_names_the_stall_and_the_reference_server_has_none()
    {
        // Given the course's first Python server, which echoes each 4 KiB it reads with Nagle on, and the reference server
        string python = $"python3 \"{Path.Combine(KitPrograms.PythonPrograms, "echo_server.py")}\" --port {{port}}";

        // When each is loaded for a second with one connection and 64 KiB blocks
        var stalled = await BenchAsync(python);
        var reference = await BenchAsync(KitPrograms.SolutionEchoServer.Text);

        // Then the first is told about Nagle and delayed ACK, and the second is not
        Assert.True(stalled.ExitCode == 0, stalled.Output + stalled.Errors);
        Assert.Contains("delayed ACK", stalled.Output);
        Assert.True(reference.ExitCode == 0, reference.Output + reference.Errors);
        Assert.Contains("throughput", reference.Output);
        Assert.DoesNotContain("delayed ACK", reference.Output);
    }

    [Theory]
    [InlineData("auth-server", "solutions/02-auth/AuthServer")]
    [InlineData("challenge-server", "solutions/04-challenge/ChallengeServer")]
    public async Task A_password_server_is_loaded_after_each_connection_logs_in(string server, string project)
    {
        // Given the reference server, started by the bench with a password made up for it
        string start = KitPrograms.Project(project, "--port {port}").Text;

        // When it is loaded with four connections of small blocks
        var run = await Executed.RunAsync(KitPrograms.Grader(
            $"bench {server} --port {Grade.FreePort()} --connections 4 --block 64 --seconds 1 --start {ShellCommand.Quote(start)}"));

        // Then every connection logged in and its blocks came back
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Matches(@"round trips\s+[1-9][\d,]* /s", run.Output);
        Assert.DoesNotContain("did not let", run.Output);
    }

    [Fact]
    public async Task A_wrong_password_is_shown_with_what_the_server_answered()
    {
        // Given the reference password server started with a password of its own command line, not the bench's
        string start = KitPrograms.Project("solutions/02-auth/AuthServer", "--port {port} --password its-own").Text;

        // When the bench logs in with another
        var run = await Executed.RunAsync(KitPrograms.Grader(
            $"bench auth-server --port {Grade.FreePort()} --password another --connections 2 --seconds 1 --start {ShellCommand.Quote(start)}"));

        // Then it fails and shows the refusal, not a missing echo
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("did not let 2 of the 2 connections in. To the login it answered: \"ERR wrong password\\n\"", run.Output);
        Assert.DoesNotContain("Not one block", run.Output);
    }

    [Fact]
    public async Task A_started_server_runs_as_it_would_anywhere_else_not_with_the_loads_socket_setting()
    {
        // Given a server that notes the runtime's socket setting it was started with, then echoes
        string noted = Path.Combine(Path.GetTempPath(), $"bench-setting-{Guid.NewGuid():N}");
        string python = Path.Combine(KitPrograms.PythonPrograms, "asyncio_server.py");
        string start = $"echo \"[$DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS]\" > {ShellCommand.Quote(noted)}; exec python3 {ShellCommand.Quote(python)}";

        // When the bench starts and loads it (its own connections run inline)
        var run = await Executed.RunAsync(KitPrograms.Grader($"bench echo-server --port {Grade.FreePort()} --seconds 0.5 --start {ShellCommand.Quote(start)}"));

        // Then the server had the runtime's default, not the bench's setting
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.Equal("[0]", File.ReadAllText(noted).Trim());
        File.Delete(noted);
    }

    [Fact]
    public async Task A_running_password_server_needs_its_password()
    {
        var run = await Executed.RunAsync(KitPrograms.Grader($"bench challenge-server --port {Grade.FreePort()}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--password is needed", run.Errors);
    }

    private static Task<Executed> BenchAsync(string start) =>
        Executed.RunAsync(KitPrograms.Grader($"bench echo-server --port {Grade.FreePort()} --seconds 1 --start {ShellCommand.Quote(start)}"));
}
