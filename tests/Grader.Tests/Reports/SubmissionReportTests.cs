using System.Text.Json;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Tests.Schemas;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Tests.Reports;

/// <summary>
/// A whole submission in the files Gradescope and Classroom 50 read (<c>grade --gradescope</c>, <c>--classroom50</c>):
/// valid against their formats, every program's checks there with their points, graded or not.
/// </summary>
public sealed class SubmissionReportTests
{
    private static readonly IReadOnlyList<Exercise> Exercises = [KitExercises.Named("echo-server"), KitExercises.Named("echo-client")];
    private static readonly PointsTable Points = Exercise.DefaultPointsOf(KitExercises.All);

    [Fact]
    public void Gradescope_gets_a_test_per_check_of_every_program_and_the_reason_for_one_that_did_not_build()
    {
        // Given a submission whose server passed its first check and failed its second, and whose client did not build
        var result = Submission();

        // When it is written for Gradescope
        string json = GradedReports.InLanguage(Language.English, () =>
            new GradescopeReport().Render(result, Exercises, Points, TimeSpan.FromSeconds(12.34), seed: 7, visibility: "after_due_date"));

        // Then it is valid, counts the points earned, keeps transcripts monospaced, and has every check of both programs
        JsonSchemas.AssertValid(JsonSchemas.Gradescope, json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal(result.Score, root.GetProperty("score").GetInt32());
        Assert.Equal("text", root.GetProperty("test_output_format").GetString());
        Assert.Equal("after_due_date", root.GetProperty("visibility").GetString());
        Assert.Contains("--seed 7", root.GetProperty("output").GetString());
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal(Exercises.Sum(e => e.Checks.Count), tests.Count);
        Assert.Equal(Exercises.Sum(e => e.Checks.Sum(c => Points.For(c.Info.Id))), tests.Sum(t => t.GetProperty("max_score").GetInt32()));
        var client = tests.Where(t => t.GetProperty("name").GetString()!.StartsWith("echo-client.", StringComparison.Ordinal)).ToList();
        Assert.All(client, t => Assert.Equal(0, t.GetProperty("score").GetInt32()));
        Assert.All(client, t => Assert.Contains("does not build", t.GetProperty("output").GetString()));
        Assert.Equal(["§1"], tests[0].GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public void Classroom_50_gets_its_result_contract_with_the_submission_named_by_its_runner()
    {
        // Given the same submission, graded where Classroom 50's runner set its variables
        var result = Submission();
        var environment = new Dictionary<string, string>
        {
            ["CLASSROOM"] = "networks-2026",
            ["ASSIGNMENT"] = "sockets",
            ["SUBMISSION_TAG"] = "submit/2026-11-27T10-00-00Z-abc1234",
            ["COMMIT_URL"] = "https://github.com/org/sockets-ana/commit/abc1234",
            ["RELEASE_URL"] = "https://github.com/org/sockets-ana/releases/tag/submit%2F2026-11-27T10-00-00Z-abc1234",
            ["SUBMISSION_DATETIME"] = "2026-11-27T09:58:00Z",
        };

        // When it is written as result.json
        string json = GradedReports.InLanguage(Language.English, () => new Classroom50Report().Render(
            result, Exercises, Points, name => environment.GetValueOrDefault(name), new DateTimeOffset(2026, 11, 27, 10, 1, 2, TimeSpan.Zero)));

        // Then it is valid, names the submission as the runner did, and scores every check by its stable id
        JsonSchemas.AssertValid(JsonSchemas.Classroom50, json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("networks-2026", root.GetProperty("classroom").GetString());
        Assert.Equal(environment["COMMIT_URL"], root.GetProperty("review").GetString()); // no review URL: the commit's
        Assert.Equal("2026-11-27T09:58:00Z", root.GetProperty("datetime").GetString());
        Assert.Equal("2026-11-27T10:01:02Z", root.GetProperty("graded_at").GetString());
        Assert.Equal(result.Score, root.GetProperty("score").GetInt32());
        Assert.Equal(Exercises.Sum(e => e.Checks.Sum(c => Points.For(c.Info.Id))), root.GetProperty("max-score").GetInt32());
        var tests = root.GetProperty("tests").EnumerateArray().ToList();
        Assert.Equal([.. Exercises.SelectMany(e => e.Checks.Select(c => c.Info.Id))], tests.Select(t => t.GetProperty("test-name").GetString()));
        Assert.True(tests[0].GetProperty("passed").GetBoolean());
        Assert.Equal("notGraded", tests[^1].GetProperty("status").GetString());
    }

    // The echo server: its first check passed, its second failed, the rest were skipped; the echo client did not build.
    private static SubmissionResult Submission()
    {
        var checks = Exercises[0].Checks;
        var server = new GradeReport("echo-server", "127.0.0.1:5000", 7, [
            new CheckResult(checks[0].Info, CheckStatus.Passed, TimeSpan.FromMilliseconds(3)) { Points = Points.For(checks[0].Info.Id) },
            new CheckResult(checks[1].Info, CheckStatus.Failed, TimeSpan.FromMilliseconds(5), "The second client was never accepted.") { Points = Points.For(checks[1].Info.Id) },
            .. checks.Skip(2).Select(c => new CheckResult(c.Info, CheckStatus.Skipped, TimeSpan.Zero, "Not run: the server stopped.") { Points = Points.For(c.Info.Id) }),
        ], TimeSpan.FromSeconds(1), []);
        return new SubmissionResult("ana", [server], [new ProgramProblem("echo-client", "exercises/01-echo/EchoClient does not build: Program.cs(3,1): error CS1002: ; expected")])
        {
            MaxScore = Exercises.Sum(e => e.Checks.Sum(c => Points.For(c.Info.Id))),
        };
    }
}
