using System.Globalization;
using System.Text;
using System.Text.Json;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// A class's grades as a teacher reads them: a CSV and a JSON with a row per student and a column per check
/// (the points it earned), and a short table for the console with a column per program.
/// </summary>
/// <param name="checks">Every check of the kit, in order: the columns.</param>
public sealed class BatchTable(IReadOnlyList<(string Exercise, string Id)> checks)
{
    public string Csv(IReadOnlyList<SubmissionResult> results)
    {
        var text = new StringBuilder();
        Row(text, [Strings.BatchStudent, Strings.BatchTotal, "max", .. checks.Select(c => c.Id), Strings.BatchProblems]);
        foreach (var result in results)
        {
            Row(text, [
                result.Student,
                Number(result.Score),
                Number(result.MaxScore),
                .. checks.Select(c => result.Check(c.Id) is { Status: not CheckStatus.Error } check ? Number(check.Earned) : ""),
                string.Join("; ", result.AllProblems),
            ]);
        }
        return text.ToString();
    }

    public string Json(IReadOnlyList<SubmissionResult> results) => JsonSerializer.Serialize(
        results.Select(r => new
        {
            student = r.Student,
            score = r.Score,
            maxScore = r.MaxScore,
            problems = r.AllProblems,
            // A program that was not graded (it did not build) has its checks marked so, worth nothing.
            checks = checks.ToDictionary(c => c.Id, c => r.Check(c.Id) is { } check
                ? new { exercise = c.Exercise, status = JsonNamingPolicy.CamelCase.ConvertName(check.Status.ToString()), score = check.Earned, maxScore = check.Points, message = check.Message }
                : new { exercise = c.Exercise, status = "notGraded", score = 0, maxScore = 0, message = (string?)null }),
        }),
        JsonReport.Options);

    /// <summary>A line per student: the points of each program, the total, and the first problem.</summary>
    public void WriteConsole(IReadOnlyList<SubmissionResult> results, TextWriter output)
    {
        var exercises = checks.Select(c => c.Exercise).Distinct().ToList();
        string[] header = [Strings.BatchStudent, .. exercises, Strings.BatchTotal, Strings.BatchProblems];
        var rows = results.Select(r => (string[])[
            r.Student,
            .. exercises.Select(e => r.Reports.FirstOrDefault(x => x.Exercise == e) switch
            {
                null => "—",
                { Errors: > 0 } => Strings.BatchNotGraded, // the grader's trouble: no zero for the student
                var report => $"{report.Score}/{report.MaxScore}",
            }),
            $"{r.Score}/{r.MaxScore}",
            r.AllProblems.Count == 0 ? "" : Shorten(r.AllProblems[0]) + (r.AllProblems.Count > 1 ? $" (+{r.AllProblems.Count - 1})" : ""),
        ]).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        foreach (var row in rows.Prepend(header))
        {
            output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..69] + "…";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static void Row(StringBuilder text, IEnumerable<string> fields)
    {
        text.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{f.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : f));
        text.Append("\r\n");
    }
}
