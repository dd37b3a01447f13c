using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Reports;

/// <summary>The same results as the console report, for machines (<c>--json FILE</c>).</summary>
public sealed class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep č, ć and quotes readable in the file; it is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public string Render(GradeReport report) => JsonSerializer.Serialize(ToDocument(report), Options);

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder if needed.</summary>
    public async Task WriteAsync(GradeReport report, string path, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        await File.WriteAllTextAsync(path, Render(report) + "\n", cancellationToken);
    }

    private static ReportDocument ToDocument(GradeReport report) => new(
        report.Exercise,
        report.Target,
        report.Seed,
        report.Passed,
        report.Failed,
        report.Skipped,
        Milliseconds(report.Duration),
        [.. report.Results.Select(r => new CheckDocument(
            r.Info.Id,
            r.Info.Title,
            $"docs/protocol.md {r.Info.Requirement}",
            r.Status,
            Milliseconds(r.Duration),
            r.Message,
            r.Status == CheckStatus.Failed ? r.Info.Hint : null))],
        report.Notes);

    private static long Milliseconds(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds);

    private sealed record ReportDocument(
        string Exercise, string Target, int Seed, int Passed, int Failed, int Skipped, long DurationMs,
        IReadOnlyList<CheckDocument> Checks, IReadOnlyList<string> Notes);

    private sealed record CheckDocument(
        string Id, string Title, string Requirement, CheckStatus Status, long DurationMs, string? Message, string? Hint);
}
