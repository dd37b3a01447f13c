using System.Collections.Concurrent;
using System.Text.Json;
using Json.Schema;

namespace SocketExercises.Grader.Tests.Schemas;

/// <summary>Validates a report against one of the schemas in Schemas/, and says every place it breaks one.</summary>
internal static class JsonSchemas
{
    public const string Gradescope = "gradescope-results.schema.json";

    public const string Classroom50 = "classroom50-result.schema.json";

    /// <summary>The schema <c>schema</c> prints for <c>--json</c>, made from the report's own types.</summary>
    public const string GraderJson = "socket-grader --json";

    // Each read once: a schema registers itself by its location, and may not be registered twice.
    private static readonly ConcurrentDictionary<string, Lazy<JsonSchema>> Loaded = new();

    public static bool IsValid(string schemaFile, string json)
    {
        using var document = JsonDocument.Parse(json);
        return Schema(schemaFile).Evaluate(document.RootElement).IsValid;
    }

    private static JsonSchema Schema(string schemaFile) => Loaded.GetOrAdd(schemaFile, name => new(() => name == GraderJson
        ? JsonSchema.FromText(Grader.Reports.JsonReport.Schema())
        : JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Schemas", name)))).Value;

    public static void AssertValid(string schemaFile, string json)
    {
        var schema = Schema(schemaFile);
        using var document = JsonDocument.Parse(json);
        var result = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));
        Assert.True(result.IsValid, $"{schemaFile}:\n{string.Join('\n', errors)}\n{json}");
    }
}
