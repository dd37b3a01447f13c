using SocketExercises.Grader.Running;
using SocketExercises.Grader.Tests.Batch;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// <c>watch</c> as a student uses it, on a copy of the kit: graded at once, again when Program.cs is saved
/// finished (with the checks that now pass), and a save that does not compile shown as a build error; with no
/// program named, every program, then only the one whose file was saved.
/// </summary>
public sealed class WatchTests
{
    private static readonly TimeSpan Round = TimeSpan.FromMinutes(2);

    [StarterFact]
    public async Task Regrades_the_students_server_each_time_it_is_saved()
    {
        // Given a copy of the kit with the unfinished echo server, watched
        using var folder = new ClassFolder();
        string exercises = folder.AddStudent("ana", "exercises");
        string program = Path.Combine(exercises, "01-echo", "EchoServer", "Program.cs");
        await using var watch = RunningProcess.Start(new ShellCommand(
            $"cd \"{Path.GetDirectoryName(exercises)}\" && exec {KitPrograms.Grader("watch echo-server --lang en").Text}").ToStartInfo(settings: null));

        // When it has graded the starter
        Assert.True(await watch.WaitForOutputAsync(o => o.Contains("TODO 1", StringComparison.Ordinal), Round, CancellationToken.None), watch.Output + watch.Errors);

        // Then saving the finished server grades it again and says what now passes
        // (written, as an editor saves, not copied: a copy keeps the file's old time, and the build would skip it)
        await File.WriteAllTextAsync(program, await File.ReadAllTextAsync(Path.Combine(KitPrograms.RepositoryRoot, "solutions", "01-echo", "EchoServer", "Program.cs"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.True(await watch.WaitForOutputAsync(o => o.Contains("Now passing: echo.accepts-connection", StringComparison.Ordinal), Round, CancellationToken.None), watch.Output + watch.Errors);
        Assert.Contains("12 passed, 0 failed", watch.Output);

        // and a save that does not compile is a build error, not a grade
        await File.AppendAllTextAsync(program, "\nclass Unfinished {\n", TestContext.Current.CancellationToken);
        Assert.True(await watch.WaitForOutputAsync(BuildErrorShown, Round, CancellationToken.None), watch.Output + watch.Errors);
    }

    [StarterFact]
    public async Task With_no_program_grades_all_of_them_then_only_the_one_saved()
    {
        // Given a copy of the kit with the unfinished starters, all of them watched
        using var folder = new ClassFolder();
        string exercises = folder.AddStudent("ana", "exercises");
        await using var watch = RunningProcess.Start(new ShellCommand(
            $"cd \"{Path.GetDirectoryName(exercises)}\" && exec {KitPrograms.Grader("watch --lang en").Text}").ToStartInfo(settings: null));

        // When every program has been graded, a line each in a table
        Assert.True(await watch.WaitForOutputAsync(o => o.Contains("challenge-client   0 of", StringComparison.Ordinal), 4 * Round, CancellationToken.None), watch.Output + watch.Errors);
        Assert.Contains("echo-server        0 of 12 checks pass; next to fix: echo.accepts-connection", watch.Output);
        int first = watch.Output.Length;

        // Then saving the finished echo server grades it alone, shows its report, and the table says so
        string program = Path.Combine(exercises, "01-echo", "EchoServer", "Program.cs");
        await File.WriteAllTextAsync(program, await File.ReadAllTextAsync(Path.Combine(KitPrograms.RepositoryRoot, "solutions", "01-echo", "EchoServer", "Program.cs"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        Assert.True(await watch.WaitForOutputAsync(o => ContainsAfter(o, "challenge-client   0 of", first), Round, CancellationToken.None), watch.Output + watch.Errors);
        string round = watch.Output[first..];
        Assert.Contains("12 passed, 0 failed", round);
        Assert.Contains("echo-server        12 of 12 checks pass", round);
        Assert.DoesNotContain("Grading echo-client", round);
    }

    // The build error, with the file and line the compiler names, relative to the kit.
    private static bool BuildErrorShown(string output) =>
        output.LastIndexOf("It does not build", StringComparison.Ordinal) is int at and >= 0
        && output[at..].Contains("  exercises/01-echo/EchoServer/Program.cs(", StringComparison.Ordinal);

    private static bool ContainsAfter(string output, string text, int from) =>
        output.Length > from && output.IndexOf(text, from, StringComparison.Ordinal) >= 0;
}
