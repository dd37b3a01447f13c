using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The report a student reads: a line per check, the details under each failure with the part of the
/// transcript where it failed, and the summary last (<c>N passed, N failed</c>), so the last line of the
/// output says how it went. Verbose, it shows every check's whole transcript.
/// </summary>
public sealed class ConsoleReport
{
    private const string Indent = "        ";

    public void Write(GradeReport report, TextWriter output, bool verbose = false)
    {
        output.WriteLine(Strings.FormatConsoleHeading(report.Exercise, report.Target, report.Seed));
        output.WriteLine();
        var causes = Diagnostician.SharedCauses(report);
        WriteCauses(output, causes);
        var explainedAbove = causes.SelectMany(c => c.Checks).ToHashSet();
        int idWidth = report.Results.Max(r => r.Info.Id.Length);
        string? lastSkipReason = null;
        foreach (var result in report.Results)
        {
            output.WriteLine($"  {Label(result.Status).PadRight(LabelWidth)}  {result.Info.Id.PadRight(idWidth)}  {result.Info.Title}{Timing(result)}");
            bool brief = !verbose && explainedAbove.Contains(result.Info.Id);
            if (result.Status == CheckStatus.Failed)
            {
                WriteLines(output, brief ? [Strings.ConsoleExplainedAbove] : FailureDetails.Explanation(result));
            }
            // A reason shared by a run of skipped (or not graded) checks is said once, under the first of them.
            if (result.Status is CheckStatus.Skipped or CheckStatus.Error && result.Message is { } reason && reason != lastSkipReason)
            {
                WriteLines(output, result.Status == CheckStatus.Error ? FailureDetails.Explanation(result) : [reason]);
            }
            lastSkipReason = result.Status is CheckStatus.Skipped or CheckStatus.Error ? result.Message : null;
            if (!brief)
            {
                WriteTranscript(output, result, verbose);
            }
        }
        foreach (var note in report.Notes)
        {
            output.WriteLine();
            WriteIndented(output, Strings.ConsoleNote + " " + note, "  ");
        }
        output.WriteLine();
        output.WriteLine(Strings.FormatConsoleScore(report.Score, report.MaxScore));
        output.WriteLine(report.Summary);
    }

    // One mistake that fails several checks is said once, first, with the evidence of the first check it fails:
    // six failures with six hints would send a student looking for six mistakes.
    private static void WriteCauses(TextWriter output, IReadOnlyList<SharedCause> causes)
    {
        foreach (var cause in causes)
        {
            output.WriteLine($"  {Strings.FormatConsoleSharedCause(Counted.FailedChecks(cause.Checks.Count))} {cause.Diagnosis.Mistake}");
            output.WriteLine($"    {Strings.FormatConsoleEvidenceIn(cause.Checks[0])} {cause.Diagnosis.Evidence}");
            output.WriteLine($"    {Strings.ConsoleFix} {cause.Diagnosis.Fix}");
            output.WriteLine($"    {Strings.ConsoleExplainedChecks} {string.Join(", ", cause.Checks)}");
            output.WriteLine();
        }
    }

    // A failure always shows where it happened; the whole exchange of every check only when asked.
    private static void WriteTranscript(TextWriter output, CheckResult result, bool verbose)
    {
        if (verbose || result.Status == CheckStatus.Failed)
        {
            WriteLines(output, FailureDetails.Transcript(result, whole: verbose));
        }
    }

    private static void WriteLines(TextWriter output, IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            output.WriteLine(Indent + line);
        }
    }

    private static void WriteIndented(TextWriter output, string text, string indent)
    {
        foreach (var line in text.Split('\n'))
        {
            output.WriteLine(indent + line);
        }
    }

    // The labels' lengths differ by language (PASS, PRESKOČENA): the widest sets the column.
    private static int LabelWidth => Enum.GetValues<CheckStatus>().Max(s => Label(s).Length);

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Passed => Strings.StatusPass,
        CheckStatus.Failed => Strings.StatusFail,
        CheckStatus.Error => Strings.StatusError,
        _ => Strings.StatusSkip,
    };

    private static string Timing(CheckResult result) =>
        result.Status is CheckStatus.Passed or CheckStatus.Failed ? $" ({Durations.Format(result.Duration)})" : "";
}
