using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Reports;

/// <summary>The same results as the console report, for machines (<c>--json FILE</c>).</summary>
public sealed class JsonReport
{
    /// <summary>The options every JSON file of the grader is written with.</summary>
    internal static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Keep č, ć and quotes readable in the file; it is data, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    };

    /// <summary>
    /// The report's JSON schema (<c>schema</c> prints it), made from the types it is written from, so that it
    /// cannot drift from what <c>--json</c> writes; the tests validate reports against it.
    /// </summary>
    public static string Schema()
    {
        var schema = Options.GetJsonSchemaAsNode(typeof(ReportDocument), new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["title"] = "socket-grader --json report",
        };
        foreach (var (name, value) in schema.AsObject().ToList())
        {
            document[name] = value?.DeepClone();
        }
        Closed(document);
        return document.ToJsonString(Options);
    }

    // Every object has exactly its properties, and those that are never null (never left out) are required.
    private static void Closed(JsonNode? node)
    {
        if (node is JsonArray array)
        {
            array.ToList().ForEach(Closed);
            return;
        }
        if (node is not JsonObject schema)
        {
            return;
        }
        if (schema["properties"] is JsonObject properties)
        {
            schema["additionalProperties"] = false;
            schema["required"] = new JsonArray([.. properties
                .Where(p => !(p.Value?["type"] is JsonArray types && types.Any(t => t?.GetValue<string>() == "null")))
                .Select(p => (JsonNode)p.Key)]);
        }
        schema.Select(p => p.Value).ToList().ForEach(Closed);
    }

    public string Render(GradeReport report) => JsonSerializer.Serialize(ToDocument(report), Options);

    /// <summary>Writes the report to <paramref name="path"/>, creating its folder if needed.</summary>
    public Task WriteAsync(GradeReport report, string path, CancellationToken cancellationToken) =>
        ReportFile.WriteAsync(path, Render(report) + "\n", cancellationToken);

    private static ReportDocument ToDocument(GradeReport report) => new(
        report.Exercise,
        report.Target,
        report.Seed,
        report.Passed,
        report.Failed,
        report.Skipped,
        report.Score,
        report.MaxScore,
        Milliseconds(report.Duration),
        [.. report.Results.Select(r => new CheckDocument(
            r.Info.Id,
            r.Info.Title,
            $"docs/protocol.md {r.Info.Requirement}",
            r.Status,
            r.Earned,
            r.Points,
            Milliseconds(r.Duration),
            r.Message,
            r.Status == CheckStatus.Failed && r.Diagnosis is null ? r.ShownHint : null,
            r.Diagnosis,
            [.. r.Transcript.Select(TranscriptEntry.From)]))],
        report.Notes);

    private static long Milliseconds(TimeSpan time) => (long)Math.Round(time.TotalMilliseconds);

    private sealed record ReportDocument(
        string Exercise, string Target, int Seed, int Passed, int Failed, int Skipped, int Score, int MaxScore, long DurationMs,
        IReadOnlyList<CheckDocument> Checks, IReadOnlyList<string> Notes);

    private sealed record CheckDocument(
        string Id,
        string Title,
        string Requirement,
        CheckStatus Status,
        int Score,
        int MaxScore,
        long DurationMs,
        string? Message,
        string? Hint,
        Diagnosis? Diagnosis,
        IReadOnlyList<TranscriptEntry> Transcript);

    // Bytes escaped as the console shows them; past 1 KiB shortened in the middle, so 1 MiB payloads don't make 1 MiB files.
    private sealed record TranscriptEntry(long AtMs, string Party, WireEventKind Event, int? Bytes, string? Data, string? Text)
    {
        private const int BytesShown = 1024;

        public static TranscriptEntry From(WireEvent e) => new(
            Milliseconds(e.At),
            e.Party,
            e.Kind,
            e.Data.Length > 0 ? e.Data.Length : null,
            e.Data.Length > 0 ? ByteText.Quote(e.Data, BytesShown) : null,
            e.Text);
    }
}
