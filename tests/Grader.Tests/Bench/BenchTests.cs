using SocketExercises.Grader.Bench;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Bench;

/// <summary><c>bench echo-server</c>: what its figures say about a server, from the figures alone and on a real one.</summary>
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

    private static Task<Executed> BenchAsync(string start) =>
        Executed.RunAsync(KitPrograms.Grader($"bench echo-server --port {Grade.FreePort()} --seconds 1 --start {ShellCommand.Quote(start)}"));
}
