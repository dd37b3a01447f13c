using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary><c>grade</c>: every program of one copy of the kit, a line each, and the one thing to fix next.</summary>
public sealed class GradeCommandTests
{
    [StarterFact]
    public async Task Grading_unfinished_starters_shows_each_program_and_names_the_first_todo_to_do()
    {
        // Given a copy of the kit whose programs are the unfinished starters
        using var folder = new ClassFolder();
        string kit = Path.GetDirectoryName(folder.AddStudent("ana", "exercises"))!;

        // When it is graded
        var run = await Executed.RunAsync(KitPrograms.Grader($"grade \"{kit}\" --lang en"), TimeSpan.FromMinutes(4));

        // Then there is something to fix (exit 1), a line per program at zero, and the next step is the echo
        // server's first check, with what its starter printed
        Assert.True(run.ExitCode == 1, run.Output + run.Errors);
        Assert.Matches(@"\n  echo-server +0/\d+  1 failed: echo.accepts-connection\n", run.Output);
        Assert.Matches(@"\n  challenge-client +0/\d+  1 failed: challenge-client.connects\n", run.Output);
        Assert.Contains("Next to fix: echo-server, echo.accepts-connection", run.Output);
        Assert.Contains("TODO 1", run.Output);
        Assert.DoesNotContain("Grade just this check", run.Output); // another copy than the kit it runs in: check would grade the wrong one
    }

    [Fact]
    public async Task A_folder_with_no_exercises_is_a_usage_error()
    {
        using var folder = new ClassFolder();

        var run = await Executed.RunAsync(KitPrograms.Grader($"grade \"{folder.Path}\""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("has no exercises/ folder", run.Errors);
    }

    [Fact]
    public async Task Outside_the_kit_grade_with_no_folder_is_a_usage_error()
    {
        var run = await Executed.RunAsync(new ShellCommand($"cd / && {KitPrograms.Grader("grade").Text}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no exercises/ folder", run.Errors);
    }

    [Theory]
    [InlineData("no-such-user-here")]
    [InlineData("x; rm -rf /")]
    public async Task Running_the_programs_as_a_user_that_does_not_exist_is_a_usage_error(string user)
    {
        using var folder = new ClassFolder();
        string kit = Path.GetDirectoryName(folder.AddStudent("ana", "exercises"))!;

        var run = await Executed.RunAsync(KitPrograms.Grader($"grade \"{kit}\" --run-as {ShellCommand.Quote(user)}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--run-as", run.Errors);
    }
}
