using System.Text.Json;
using System.Text.Json.Serialization;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Scoring;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// A submission's results as Classroom 50 collects them: its <c>result.json</c> (schema
/// <c>classroom50/result/v1</c>), a test per check with its points. Classroom 50's runner gives the
/// submission's identity in its environment (<c>CLASSROOM</c>, <c>ASSIGNMENT</c>, <c>SUBMISSION_TAG</c>,
/// <c>COMMIT_URL</c>, <c>RELEASE_URL</c>, <c>REVIEW_URL</c>); <c>SUBMISSION_DATETIME</c> is the graded commit's
/// date, which the recipe's autograder.py reads from git, as the contract wants it the same on every regrade.
/// </summary>
public sealed class Classroom50Report
{
    public const string Schema = "classroom50/result/v1";

    private static readonly JsonSerializerOptions Options = new(JsonReport.Options)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <param name="environment">Reads a variable of the runner's environment.</param>
    public string Render(
        SubmissionResult result, IReadOnlyList<Exercise> exercises, PointsTable points, Func<string, string?> environment, DateTimeOffset now)
    {
        var tests = exercises.SelectMany(e => result.Reports.FirstOrDefault(r => r.Exercise == e.Key) is { } report
            ? report.Results.Select(r => Test(e, r.Info, r.Status == CheckStatus.Passed, r.Earned, r.Points, r.Status, r.Status == CheckStatus.Passed ? null : FailureDetails.FirstLine(r.Message)))
            : e.Checks.Select(c => Test(e, c.Info, false, 0, points.For(c.Info.Id), null, result.Problems.FirstOrDefault(p => p.Exercise == e.Key)?.Message))).ToList();
        string commit = environment("COMMIT_URL") ?? "";
        var document = new Dictionary<string, object?>
        {
            ["schema"] = Schema,
            ["classroom"] = environment("CLASSROOM") ?? "",
            ["assignment"] = environment("ASSIGNMENT") ?? "",
            ["submission"] = environment("SUBMISSION_TAG") ?? "",
            ["commit"] = commit,
            ["release"] = environment("RELEASE_URL") ?? "",
            ["review"] = environment("REVIEW_URL") is { Length: > 0 } review ? review : commit,
            ["datetime"] = environment("SUBMISSION_DATETIME") is { Length: > 0 } submitted ? submitted : Utc(now),
            ["graded_at"] = Utc(now),
            ["score"] = tests.Sum(t => (int)t["score"]!),
            ["max-score"] = tests.Sum(t => (int)t["max-score"]!),
            ["tests"] = tests,
        };
        return JsonSerializer.Serialize(document, Options);
    }

    // Classroom 50 keeps a test's extra fields as they are: the exercise, the title and why it failed go there.
    private static Dictionary<string, object?> Test(Exercise exercise, CheckInfo info, bool passed, int score, int maxScore, CheckStatus? status, string? message) => new()
    {
        ["test-name"] = info.Id,
        ["passed"] = passed,
        ["score"] = score,
        ["max-score"] = maxScore,
        ["program"] = exercise.Key,
        ["title"] = info.Title,
        ["status"] = status is { } s ? JsonNamingPolicy.CamelCase.ConvertName(s.ToString()) : "notGraded",
        ["message"] = message,
    };

    private static string Utc(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
