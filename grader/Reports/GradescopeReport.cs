using System.Globalization;
using System.Text.Json;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The results as Gradescope's autograder reads them, written as <c>/autograder/results/results.json</c>:
/// the score, and a test per check with its points, its requirement as a tag and what went wrong. One
/// file holds a whole submission (<c>grade --gradescope</c>): a program that was not built or not graded
/// still has its checks there, at zero, with the reason, so the student sees every point there is to earn.
/// </summary>
public sealed class GradescopeReport
{
    /// <summary>Who sees the results when: Gradescope's own values.</summary>
    public static readonly IReadOnlyList<string> Visibilities = ["visible", "after_due_date", "after_published", "hidden"];

    private static readonly JsonSerializerOptions Options = new(JsonReport.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string Render(GradeReport report) =>
        Render([(report.Exercise, report, null)], report.Score, report.Duration, report.Seed, Visibilities[0], [], PointsTable.Of([]));

    /// <summary>One submission: every program of <paramref name="exercises"/>, graded or not.</summary>
    /// <param name="visibility">When students see the tests, one of <see cref="Visibilities"/>.</param>
    public string Render(SubmissionResult result, IReadOnlyList<Exercise> exercises, PointsTable points, TimeSpan duration, int seed, string visibility = "visible") =>
        Render(
            [.. exercises.Select(e => (e.Key, result.Reports.FirstOrDefault(r => r.Exercise == e.Key), result.Problems.FirstOrDefault(p => p.Exercise == e.Key)?.Message))],
            result.Score,
            duration,
            seed,
            visibility,
            exercises,
            points);

    public Task WriteAsync(GradeReport report, string path, CancellationToken cancellationToken) =>
        ReportFile.WriteAsync(path, Render(report) + "\n", cancellationToken);

    private static string Render(
        IReadOnlyList<(string Exercise, GradeReport? Report, string? Problem)> programs,
        int score,
        TimeSpan duration,
        int seed,
        string visibility,
        IReadOnlyList<Exercise> exercises,
        PointsTable points)
    {
        var tests = new List<Test>();
        foreach (var (exercise, report, problem) in programs)
        {
            if (report is not null)
            {
                tests.AddRange(report.Results.Select(r => new Test(
                    $"{r.Info.Id}: {r.Info.Title}", Number(tests.Count), r.Earned, r.Points, r.Status == CheckStatus.Passed ? "passed" : "failed", Output(r), [r.Info.Requirement])));
            }
            else
            {
                // Not graded: each of its checks at zero, with why, so the total out of which it counts is right.
                var checks = exercises.First(e => e.Key == exercise).Checks;
                tests.AddRange(checks.Select(c => new Test(
                    $"{c.Info.Id}: {c.Info.Title}", Number(tests.Count), 0, points.For(c.Info.Id), "failed", problem, [c.Info.Requirement])));
            }
        }
        var lines = programs.Select(p => p.Report is { } r ? $"{p.Exercise}: {r.Summary}" : $"{p.Exercise}: {p.Problem}")
            .Append(Strings.FormatGradescopeSeed(seed));
        return JsonSerializer.Serialize(
            new Results(score, Math.Round(duration.TotalSeconds, 1), string.Join('\n', lines), tests, visibility),
            Options);
    }

    private static string Number(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string? Output(CheckResult result) => result.Status switch
    {
        CheckStatus.Passed => null,
        CheckStatus.Skipped => result.Message,
        CheckStatus.Error => Strings.GradescopeNotGraded + "\n" + result.Message,
        _ => string.Join('\n', FailureDetails.Explanation(result).Concat(FailureDetails.Transcript(result, whole: false))),
    };

    // "text": shown as it is, in a monospaced block, so that hex dumps and transcripts keep their columns.
    private sealed record Results(
        double Score,
        double ExecutionTime,
        string Output,
        IReadOnlyList<Test> Tests,
        string Visibility,
        string StdoutVisibility = "visible",
        string OutputFormat = "text",
        string TestOutputFormat = "text");

    private sealed record Test(string Name, string Number, double Score, double MaxScore, string Status, string? Output, IReadOnlyList<string> Tags);
}
