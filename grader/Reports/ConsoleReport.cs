using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The report a student reads: a line per check, the details under each failure, and the summary last
/// (<c>N passed, N failed</c>), so the last line of the output says how it went.
/// </summary>
public sealed class ConsoleReport
{
    private const string Indent = "        ";

    public void Write(GradeReport report, TextWriter output)
    {
        output.WriteLine($"Grading {report.Exercise}: {report.Target} (seed {report.Seed}; replay with --seed {report.Seed})");
        output.WriteLine();
        int idWidth = report.Results.Max(r => r.Info.Id.Length);
        string? lastSkipReason = null;
        foreach (var result in report.Results)
        {
            output.WriteLine($"  {Label(result.Status)}  {result.Info.Id.PadRight(idWidth)}  {result.Info.Title}{Timing(result)}");
            if (result.Status == CheckStatus.Failed)
            {
                WriteDetails(output, result);
            }
            // A reason shared by a run of skipped checks is said once, under the first of them.
            if (result.Status == CheckStatus.Skipped && result.Message is { } reason && reason != lastSkipReason)
            {
                output.WriteLine(Indent + reason);
            }
            lastSkipReason = result.Status == CheckStatus.Skipped ? result.Message : null;
        }
        foreach (var note in report.Notes)
        {
            output.WriteLine();
            WriteIndented(output, "Note: " + note, "  ");
        }
        output.WriteLine();
        output.WriteLine(report.Summary);
    }

    private static void WriteDetails(TextWriter output, CheckResult result)
    {
        WriteIndented(output, result.Message ?? "Failed.", Indent);
        output.WriteLine($"{Indent}Requirement: docs/protocol.md {result.Info.Requirement}");
        output.WriteLine($"{Indent}Hint: {result.Info.Hint}");
    }

    private static void WriteIndented(TextWriter output, string text, string indent)
    {
        foreach (var line in text.Split('\n'))
        {
            output.WriteLine(indent + line);
        }
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "PASS",
        CheckStatus.Failed => "FAIL",
        _ => "SKIP",
    };

    private static string Timing(CheckResult result) =>
        result.Status == CheckStatus.Skipped ? "" : $" ({Durations.Format(result.Duration)})";
}
