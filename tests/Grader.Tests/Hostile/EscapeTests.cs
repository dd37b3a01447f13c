using System.Diagnostics;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests.Hostile;

/// <summary>
/// Programs that try to outlive their grading by leaving the process tree (a double fork, a session of their
/// own, a grandchild that holds the output open, a client whose parent exits at once): when the grading
/// ends, none of their processes is left, and a client is judged on when its last process ends.
/// </summary>
public sealed class EscapeTests
{
    [Theory]
    [InlineData("escaping_server.py")]
    [InlineData("escaping_server.py --setsid")]
    [InlineData("escaping_server.py --clear-env")]
    [InlineData("stdout_holding_server.py")]
    public async Task A_server_that_leaves_its_process_tree_is_graded_and_leaves_nothing_behind(string server)
    {
        // Given a server whose serving process is nobody's child, marked with a token of its own
        string token = Token();
        var start = new ShellCommand($"exec python3 '{Path.Combine(KitPrograms.HostilePrograms, server.Split(' ')[0])}' {string.Join(' ', server.Split(' ').Skip(1))} {token}");

        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, start);

        // Then it was served as any echo server is, and none of its processes is left
        Assert.True(report.Results.Count(r => r.Status == CheckStatus.Passed) >= 10, report.Describe());
        Assert.Empty(Survivors(token));
    }

    [Fact]
    public async Task A_client_whose_parent_exits_at_once_has_not_finished_while_its_child_runs_and_leaves_nothing_behind()
    {
        // Given a client that returns 0 at once and leaves a child connected, marked with a token of its own
        string token = Token();
        var client = new ShellCommand($"exec python3 '{Path.Combine(KitPrograms.HostilePrograms, "forking_client.py")}' {token}");

        // When it is graded
        var stopwatch = Stopwatch.StartNew();
        var report = await Grade.ProgramAsync(EchoClient, client, cancellationToken: TestContext.Current.CancellationToken);

        // Then its quick exit is not taken for the end of its work: a check fails saying a process it started still
        // ran, the grading ends in bounded time, and none of its processes is left
        Assert.False(report.Succeeded, report.Describe());
        Assert.Contains(report.Results, r => r.Status == CheckStatus.Failed && r.Message!.Contains("a process it started was still running", StringComparison.Ordinal));
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(60), $"{stopwatch.Elapsed}\n{report.Describe()}");
        Assert.Empty(Survivors(token));
    }

    private static string Token() => $"escape-test-{Guid.NewGuid():N}";

    // The processes still running whose command line holds the token.
    private static List<int> Survivors(string token) =>
    [
        .. Directory.EnumerateDirectories("/proc")
            .Select(d => (Pid: int.TryParse(Path.GetFileName(d), out int pid) ? pid : 0, Folder: d))
            .Where(p => p.Pid > 0 && CommandLine(p.Folder).Contains(token, StringComparison.Ordinal))
            .Select(p => p.Pid),
    ];

    private static string CommandLine(string folder)
    {
        try
        {
            return File.ReadAllText(Path.Combine(folder, "cmdline"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
