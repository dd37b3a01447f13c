using SocketExercises.Grader.Running;
using SocketExercises.Grader.Tests.Batch;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// <c>watch</c> as a student uses it, on a copy of the kit: graded at once, again when Program.cs is saved
/// finished (with the checks that now pass), and a save that does not compile shown as a build error.
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

    // The build error, with the file and line the compiler names, relative to the kit.
    private static bool BuildErrorShown(string output) =>
        output.LastIndexOf("It does not build", StringComparison.Ordinal) is int at and >= 0
        && output[at..].Contains("  exercises/01-echo/EchoServer/Program.cs(", StringComparison.Ordinal);
}
