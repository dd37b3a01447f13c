using System.Globalization;
using System.Text;
using System.Text.Json;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// A class's grades as a teacher reads them: a CSV and a JSON with a row per student, a subtotal per program and
/// a column per check (the points it earned), and a short table for the console with a column per program. The
/// files' column names are the stable keys and check ids, the same whatever the language, so that a spreadsheet
/// or gradebook import made once keeps working.
/// </summary>
/// <param name="checks">Every check of the kit, in order: the columns.</param>
public sealed class BatchTable(IReadOnlyList<(string Exercise, string Id)> checks)
{
    private IReadOnlyList<string> Programs => [.. checks.Select(c => c.Exercise).Distinct()];

    public string Csv(IReadOnlyList<SubmissionResult> results)
    {
        var text = new StringBuilder();
        bool commits = results.Any(r => r.Commit is not null);
        Row(text, ["student", "total", "max", .. Programs, .. checks.Select(c => c.Id), "problems", .. commits ? (string[])["commit"] : []]);
        foreach (var result in results)
        {
            Row(text, [
                result.Student,
                Number(result.Score),
                Number(result.MaxScore),
                .. Programs.Select(p => Cell(result, p, report => report.Score)),
                .. checks.Select(c => Cell(result, c.Exercise, _ => result.Check(c.Id)!.Earned)),
                string.Join("; ", result.AllProblems),
                .. commits ? (string[])[result.Commit ?? ""] : [],
            ]);
        }
        return text.ToString();
    }

    public string Json(IReadOnlyList<SubmissionResult> results) => JsonSerializer.Serialize(
        results.Select(r => new
        {
            student = r.Student,
            commit = r.Commit,
            score = r.Score,
            maxScore = r.MaxScore,
            problems = r.AllProblems,
            programs = Programs.ToDictionary(p => p, p => r.Reports.FirstOrDefault(x => x.Exercise == p) switch
            {
                null => new { status = "notGraded", score = 0, maxScore = r.MaxScoreOf(p) },
                { Errors: > 0 } report => new { status = "notJudged", score = report.Score, maxScore = report.MaxScore },
                var report => new { status = "graded", score = report.Score, maxScore = report.MaxScore },
            }),
            // A program that did not build has its checks so marked, worth nothing of what they could have been.
            checks = checks.ToDictionary(c => c.Id, c => r.Check(c.Id) is { } check
                ? new { exercise = c.Exercise, status = JsonNamingPolicy.CamelCase.ConvertName(check.Status.ToString()), score = check.Earned, maxScore = check.Points, message = check.Message }
                : new { exercise = c.Exercise, status = "notGraded", score = 0, maxScore = r.PointsOf(c.Id), message = r.Problems.FirstOrDefault(p => p.Exercise == c.Exercise)?.Message }),
        }),
        JsonReport.Options);

    // A program's cell: its points; 0 when it did not build (the student's to fix); empty when the grader
    // could not judge it (its trouble, not a zero).
    private static string Cell(SubmissionResult result, string program, Func<GradeReport, int> points) =>
        result.Reports.FirstOrDefault(r => r.Exercise == program) switch
        {
            null => "0",
            { Errors: > 0 } => "",
            var report => Number(points(report)),
        };

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
