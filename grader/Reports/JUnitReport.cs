using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The results as JUnit XML (<c>--junit FILE</c>), the format CI systems show as test results: one testsuite
/// per exercise graded, one testcase per check. A testcase is named by the check's id, the same in every
/// language, so a reporter's history compares runs; it names the student's file (<c>file</c>), where
/// GitHub's and GitLab's reporters put their annotations and links; its failure says what went wrong, the
/// requirement and the hint, and its own system-out holds its title and transcript, which GitLab shows beside it.
/// </summary>
public sealed class JUnitReport
{
    public string Render(params IReadOnlyList<GradeReport> reports) => Render(reports, _ => null);

    /// <param name="sourceOf">The student's file for a report's program, relative to the repository; null when unknown.</param>
    public string Render(IReadOnlyList<GradeReport> reports, Func<GradeReport, string?> sourceOf)
    {
        var suites = new XElement("testsuites",
            new XAttribute("name", "socket-grader"),
            Counts(reports.SelectMany(r => r.Results).ToList(), reports.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration)),
            reports.Select(r => Suite(r, sourceOf(r))));
        // Written as bytes, so the declaration says UTF-8, as the file is.
        using var bytes = new MemoryStream();
        using (var writer = XmlWriter.Create(bytes, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            new XDocument(suites).Save(writer);
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    /// <param name="source">The student's file, relative to the repository; null when unknown.</param>
    public Task WriteAsync(GradeReport report, string? source, string path, CancellationToken cancellationToken) =>
        ReportFile.WriteAsync(path, Render([report], _ => source) + "\n", cancellationToken);

    private static XElement Suite(GradeReport report, string? source) => new("testsuite",
        new XAttribute("name", report.Exercise),
        Counts(report.Results, report.Duration),
        new XElement("properties",
            Property("target", report.Target),
            Property("seed", report.Seed.ToString(CultureInfo.InvariantCulture)),
            Property("score", report.Score.ToString(CultureInfo.InvariantCulture)),
            Property("max-score", report.MaxScore.ToString(CultureInfo.InvariantCulture))),
        report.Results.Select(r => Case(report.Exercise, r, source)),
        report.Notes.Count > 0 ? new XElement("system-out", Xml(string.Join("\n", report.Notes))) : null);

    private static XElement Case(string exercise, CheckResult result, string? source) => new("testcase",
        new XAttribute("name", result.Info.Id),
        new XAttribute("classname", exercise),
        new XAttribute("time", Seconds(result.Duration)),
        source is null ? null : new XAttribute("file", source),
        result.Status switch
        {
            CheckStatus.Failed => new XElement("failure",
                new XAttribute("message", Xml(FailureDetails.FirstLine(result.Message))),
                new XAttribute("type", result.Info.Id),
                Xml(Lines(FailureDetails.Explanation(result)))),
            // JUnit's own distinction: an error is a test that could not run as meant, not a wrong result.
            CheckStatus.Error => new XElement("error",
                new XAttribute("message", Xml(FailureDetails.FirstLine(result.Message))),
                new XAttribute("type", result.Info.Id),
                Xml(Lines(FailureDetails.Explanation(result)))),
            CheckStatus.Skipped => new XElement("skipped", new XAttribute("message", Xml(FailureDetails.FirstLine(result.Message)))),
            _ => null,
        },
        // The title in the chosen language, and the transcript: whole where the check did not pass, its end where it did.
        new XElement("system-out", Xml(Lines([
            $"{result.Info.Id}: {result.Info.Title}",
            .. FailureDetails.Transcript(result, whole: result.Status != CheckStatus.Passed)]))));

    private static IEnumerable<XAttribute> Counts(IReadOnlyList<CheckResult> results, TimeSpan duration) =>
    [
        new("tests", results.Count),
        new("failures", results.Count(r => r.Status == CheckStatus.Failed)),
        new("errors", results.Count(r => r.Status == CheckStatus.Error)),
        new("skipped", results.Count(r => r.Status == CheckStatus.Skipped)),
        new("time", Seconds(duration)),
    ];

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(l => l + "\n"));

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", Xml(value)));

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture);

    // XML 1.0 cannot hold most control characters, even escaped; a server's bytes are shown escaped already,
    // but a message may quote a client's output, which can hold anything.
    private static string Xml(string text) =>
        string.Concat(text.Select(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}
