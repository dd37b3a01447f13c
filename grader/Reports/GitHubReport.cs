using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// What a student sees on a pull request without opening a log: a Markdown table in the job's summary
/// (<c>GITHUB_STEP_SUMMARY</c>), and an <c>::error</c> annotation per failed check, on the student's file
/// when it is known.
/// </summary>
public sealed class GitHubReport
{
    /// <summary>Whether the grader runs in a GitHub Actions job.</summary>
    public static bool InActions => Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";

    /// <summary>The file GitHub shows as the job's summary, when there is one.</summary>
    public static string? SummaryFile => Environment.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") is { Length: > 0 } path ? path : null;

    public string Summary(GradeReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"### {(report.Errors > 0 ? "⚠️" : report.Succeeded ? "✅" : "❌")} {report.Exercise}: {report.Summary} · {Strings.FormatConsoleScore(report.Score, report.MaxScore)}");
        text.AppendLine();
        text.AppendLine($"| | {Strings.MarkdownCheck} | {Strings.MarkdownPoints} | {Strings.MarkdownTime} |");
        text.AppendLine("|---|---|---|---|");
        foreach (var result in report.Results)
        {
            string time = result.Status is CheckStatus.Passed or CheckStatus.Failed ? Durations.Format(result.Duration) : "";
            text.AppendLine($"| {Icon(result.Status)} | `{result.Info.Id}` {Cell(result.Info.Title)} | {result.Earned}/{result.Points} | {time} |");
        }
        foreach (var failed in report.Results.Where(r => r.Status is CheckStatus.Failed or CheckStatus.Error))
        {
            text.AppendLine();
            text.AppendLine($"<details><summary><b>{failed.Info.Id}</b>: {Html(FailureDetails.FirstLine(failed.Message))}</summary>");
            text.AppendLine();
            text.AppendLine("```text");
            foreach (var line in FailureDetails.Explanation(failed).Concat(FailureDetails.Transcript(failed, whole: false)))
            {
                text.AppendLine(Fence(line));
            }
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("</details>");
        }
        foreach (var note in report.Notes)
        {
            text.AppendLine();
            text.AppendLine($"> {Strings.ConsoleNote} {Html(note).Replace("\n", " ", StringComparison.Ordinal)}");
        }
        text.AppendLine();
        return text.ToString();
    }

    /// <summary>GitHub shows at most this many annotations of a step and silently drops the rest.</summary>
    public const int MaxAnnotations = 10;

    /// <summary>
    /// One <c>::error</c> workflow command per failed check, and a <c>::warning</c> per check the grader could not
    /// judge; beyond what GitHub shows, one <c>::notice</c> that says how many more there are and where to see them.
    /// </summary>
    /// <param name="report">The results.</param>
    /// <param name="sourceFile">The student's file to point at, relative to the repository; null when unknown.</param>
    public IEnumerable<string> Annotations(GradeReport report, string? sourceFile)
    {
        string file = sourceFile is null ? "" : $"file={Property(sourceFile)},";
        var all = report.Results.Where(r => r.Status is CheckStatus.Failed or CheckStatus.Error).Select(r =>
        {
            // A check the grader could not judge is a warning, and its hint about the program would mislead.
            var (command, message) = r.Status == CheckStatus.Error
                ? ("warning", $"{r.Message}\n{Strings.ErrorNotYours}")
                : ("error", $"{r.Message}\n{Strings.ConsoleHint} {r.ShownHint}");
            return $"::{command} {file}title={Property($"{r.Info.Id}: {r.Info.Title}")}::{Data(message)}";
        }).ToList();
        return all.Count <= MaxAnnotations
            ? all
            : [.. all.Take(MaxAnnotations - 1), $"::notice {file}title={Property(report.Exercise)}::{Data(Strings.FormatGitHubMoreAnnotations(all.Count - (MaxAnnotations - 1)))}"];
    }

    private static string Icon(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "✅",
        CheckStatus.Failed => "❌",
        CheckStatus.Error => "⚠️",
        _ => "⏭️",
    };

    private static string Cell(string text) => Html(text).Replace("|", "\\|", StringComparison.Ordinal);

    private static string Html(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);

    // A line of three backticks inside the block would end it early.
    private static string Fence(string text) => text.Replace("```", "`\u200B``", StringComparison.Ordinal);

    // The escaping GitHub's workflow commands define for a message, and additionally for a property.
    private static string Data(string text) => text
        .Replace("%", "%25", StringComparison.Ordinal)
        .Replace("\r", "%0D", StringComparison.Ordinal)
        .Replace("\n", "%0A", StringComparison.Ordinal);

    private static string Property(string text) => Data(text)
        .Replace(":", "%3A", StringComparison.Ordinal)
        .Replace(",", "%2C", StringComparison.Ordinal);
}
