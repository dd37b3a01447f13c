using System.Text.Json;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The results as Gradescope's autograder reads them (<c>--gradescope FILE</c>, written as
/// <c>/autograder/results/results.json</c>): the score, and a test per check with its points and output.
/// </summary>
public sealed class GradescopeReport
{
    private static readonly JsonSerializerOptions Options = new(JsonReport.Options)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    public string Render(GradeReport report) => JsonSerializer.Serialize(
        new Results(
            report.Score,
            Math.Round(report.Duration.TotalSeconds, 1),
            $"{report.Exercise}: {report.Summary}",
            [.. report.Results.Select((r, i) => new Test(
                $"{r.Info.Id}: {r.Info.Title}",
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                r.Earned,
                r.Points,
                r.Status == CheckStatus.Passed ? "passed" : "failed",
                Output(r)))]),
        Options);

    public Task WriteAsync(GradeReport report, string path, CancellationToken cancellationToken) =>
        ReportFile.WriteAsync(path, Render(report) + "\n", cancellationToken);

    private static string? Output(CheckResult result) => result.Status switch
    {
        CheckStatus.Passed => null,
        CheckStatus.Skipped => result.Message,
        CheckStatus.Error => Strings.GradescopeNotGraded + "\n" + result.Message,
        _ => string.Join('\n', FailureDetails.Explanation(result).Concat(FailureDetails.Transcript(result, whole: false))),
    };

    private sealed record Results(
        double Score,
        double ExecutionTime,
        string Output,
        IReadOnlyList<Test> Tests,
        string Visibility = "visible",
        string StdoutVisibility = "visible");

    private sealed record Test(string Name, string Number, double Score, double MaxScore, string Status, string? Output, string Visibility = "visible");
}
