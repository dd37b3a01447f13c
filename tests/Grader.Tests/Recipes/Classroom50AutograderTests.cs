using System.Text.Json;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Tests.Batch;
using SocketExercises.Grader.Tests.Schemas;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Recipes;

/// <summary>
/// classroom50/autograder.py as Classroom 50's runner calls it: in a student's checkout, with the submission
/// named in its environment. It grades the student's programs in a clean clone of the kit and leaves a
/// result.json that follows Classroom 50's contract, with a test per check of every program and its points.
/// </summary>
public sealed class Classroom50AutograderTests
{
    [Fact]
    public async Task A_finished_submission_gets_every_point_of_every_check_in_a_valid_result_json()
    {
        // Given a student's repository, finished, whose last commit is dated
        using var folder = new ClassFolder();
        string checkout = Path.GetDirectoryName(folder.AddStudent("ana", "solutions"))!;
        var committed = await Executed.RunAsync(new ShellCommand(
            $"cd \"{checkout}\" && git init -q && git add -A && GIT_COMMITTER_DATE='2026-11-27T10:15:00+01:00' git -c user.name=ana -c user.email=ana@example.com commit -qm work"));
        Assert.True(committed.ExitCode == 0, committed.Errors);

        // When Classroom 50's runner calls the autograder there, with the kit as its template
        string environment = string.Join(' ',
            "CLASSROOM=networks-2026 ASSIGNMENT=sockets SUBMISSION_TAG=submit/2026-11-27T09-15-00Z-abc1234",
            "COMMIT_URL=https://github.com/org/sockets-ana/commit/abc1234 RELEASE_URL=https://github.com/org/sockets-ana/releases/tag/x",
            $"KIT_REPOSITORY=\"{KitPrograms.RepositoryRoot}\" KIT_REF=HEAD GRADER_LANG=en",
            $"SOCKET_GRADER=\"{Path.Combine(KitPrograms.Output("grader", "socket-grader"), "socket-grader.dll")}\"");
        var run = await Executed.RunAsync(
            new ShellCommand($"cd \"{checkout}\" && {environment} python3 \"{Path.Combine(KitPrograms.RepositoryRoot, "classroom50", "autograder.py")}\""),
            TimeSpan.FromMinutes(4));

        // Then result.json is valid, dated by the commit, with every check of every program at its default points
        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        string json = await File.ReadAllTextAsync(Path.Combine(checkout, "result.json"), TestContext.Current.CancellationToken);
        JsonSchemas.AssertValid(JsonSchemas.Classroom50, json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var points = Exercise.DefaultPointsOf(KitExercises.All);
        int all = KitExercises.All.Sum(e => e.Checks.Sum(c => points.For(c.Info.Id)));
        Assert.Equal("2026-11-27T09:15:00Z", root.GetProperty("datetime").GetString());
        Assert.Equal("sockets", root.GetProperty("assignment").GetString());
        Assert.True(root.GetProperty("score").GetInt32() == all, json);
        Assert.Equal(all, root.GetProperty("max-score").GetInt32());
        Assert.Equal(
            [.. KitExercises.All.SelectMany(e => e.Checks.Select(c => (c.Info.Id, points.For(c.Info.Id))))],
            root.GetProperty("tests").EnumerateArray().Select(t => (t.GetProperty("test-name").GetString()!, t.GetProperty("max-score").GetInt32())));
    }
}
