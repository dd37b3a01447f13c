using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;
using Snapshooter;
using Snapshooter.Xunit3;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Reports;
using static SocketExercises.Grader.Tests.Reports.GradedReports;

namespace SocketExercises.Grader.Tests.Reports;

/// <summary>
/// Every report format as students, teachers and CI systems read it, for a passing and a failing server, in
/// both languages. Ports, durations and seeds change from run to run and are scrubbed; everything else,
/// failure messages and hints included, is part of the snapshot and reviewed like code.
/// </summary>
public sealed partial class ReportSnapshotTests(GradedReports reports) : IClassFixture<GradedReports>
{
    public static TheoryData<string, string> Cases { get; } = new()
    {
        { Passing, "en" }, { Failing, "en" }, { Passing, "hr" }, { Failing, "hr" },
    };

    [Theory, MemberData(nameof(Cases))]
    public void Console_report(string outcome, string language) =>
        Match(Render(outcome, language, r => Console(r, verbose: false)), "console", outcome, language);

    [Theory, MemberData(nameof(Cases))]
    public void Verbose_console_report(string outcome, string language) =>
        Match(Render(outcome, language, r => Console(r, verbose: true)), "verbose", outcome, language);

    [Theory, MemberData(nameof(Cases))]
    public void Json_report(string outcome, string language) =>
        Match(Render(outcome, language, new JsonReport().Render), "json", outcome, language);

    [Theory, MemberData(nameof(Cases))]
    public void Json_report_is_valid_against_the_schema_the_grader_publishes(string outcome, string language) =>
        Schemas.JsonSchemas.AssertValid(Schemas.JsonSchemas.GraderJson, Render(outcome, language, new JsonReport().Render));

    [Fact]
    public void The_published_schema_refuses_a_report_that_is_not_what_the_grader_writes()
    {
        string json = Render(Failing, "en", new JsonReport().Render);
        var withoutSeed = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        withoutSeed.Remove("seed");
        var unknownStatus = System.Text.Json.Nodes.JsonNode.Parse(json)!;
        unknownStatus["checks"]![0]!["status"] = "half-passed";

        Assert.True(Schemas.JsonSchemas.IsValid(Schemas.JsonSchemas.GraderJson, json));
        Assert.False(Schemas.JsonSchemas.IsValid(Schemas.JsonSchemas.GraderJson, withoutSeed.ToJsonString()));
        Assert.False(Schemas.JsonSchemas.IsValid(Schemas.JsonSchemas.GraderJson, unknownStatus.ToJsonString()));
    }

    [Theory, MemberData(nameof(Cases))]
    public void JUnit_report(string outcome, string language) =>
        Match(Render(outcome, language, JUnit), "junit", outcome, language);

    [Theory, MemberData(nameof(Cases))]
    public void GitHub_summary(string outcome, string language) =>
        Match(Render(outcome, language, new GitHubReport().Summary), "markdown", outcome, language);

    [Theory]
    [InlineData("en")]
    [InlineData("hr")]
    public void GitHub_annotations_of_a_failing_server(string language) =>
        Match(Render(Failing, language, r => string.Join('\n', Annotations(r))), "annotations", Failing, language);

    [Fact]
    public void No_GitHub_annotations_for_a_passing_server() =>
        Assert.Empty(Render(Passing, "en", r => string.Join('\n', Annotations(r))));

    [Theory, MemberData(nameof(Cases))]
    public void Gradescope_results(string outcome, string language) =>
        Match(Render(outcome, language, new GradescopeReport().Render), "gradescope", outcome, language);

    [Theory, MemberData(nameof(Cases))]
    public void JUnit_report_is_valid_against_the_schema(string outcome, string language)
    {
        var xml = XDocument.Parse(Render(outcome, language, JUnit));
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(AppContext.BaseDirectory, "Schemas", "junit.xsd"));
        var errors = new List<string>();

        xml.Validate(schemas, (_, e) => errors.Add($"{e.Severity}: {e.Message}"));

        Assert.Empty(errors);
        Assert.Equal(reports[outcome, language].Results.Count, xml.Descendants("testcase").Count());
        Assert.Equal(reports[outcome, language].Failed, xml.Descendants("failure").Count());
        Assert.All(xml.Descendants("testcase"), t => Assert.Equal(SourceFile, t.Attribute("file")?.Value));
    }

    [Fact]
    public void JUnit_testcases_are_named_by_check_id_whatever_the_language()
    {
        string Names(string language) => string.Join(",", XDocument.Parse(Render(Failing, language, JUnit)).Descendants("testcase").Select(t => t.Attribute("name")!.Value));

        Assert.Equal(Names("en"), Names("hr"));
        Assert.Equal(string.Join(",", reports[Failing, "en"].Results.Select(r => r.Info.Id)), Names("en"));
    }

    [Fact]
    public void GitHub_gets_no_more_annotations_than_it_shows_and_a_notice_for_the_rest()
    {
        // Given a server that failed every one of its twelve checks
        var failing = reports[Failing, "en"];
        var all = failing with { Results = [.. failing.Results.Select(r => r with { Status = CheckStatus.Failed, Message = "wrong" })] };

        var annotations = InLanguage("en", () => Annotations(all).ToList());

        // Then nine errors, and a notice that says how many more there are and where they are
        Assert.Equal(GitHubReport.MaxAnnotations, annotations.Count);
        Assert.All(annotations.Take(9), a => Assert.StartsWith("::error ", a));
        Assert.StartsWith("::notice ", annotations[^1]);
        Assert.Contains($"{all.Results.Count - 9} more checks did not pass", annotations[^1]);
    }

    private string Render(string outcome, string language, Func<GradeReport, string> render) =>
        InLanguage(language, () => render(reports[outcome, language]));

    private const string SourceFile = "exercises/01-echo/EchoServer/Program.cs";

    private static IEnumerable<string> Annotations(GradeReport report) => new GitHubReport().Annotations(report, SourceFile);

    private static string JUnit(GradeReport report) => new JUnitReport().Render([report], _ => SourceFile);

    private static string Console(GradeReport report, bool verbose)
    {
        using var text = new StringWriter();
        new ConsoleReport().Write(report, text, verbose);
        return text.ToString();
    }

    private static void Match(string text, string format, string outcome, string language) =>
        Snapshot.Match(Scrub(text), SnapshotNameExtension.Create(format, outcome, language));

    private static string Scrub(string text)
    {
        text = Port().Replace(text, "127.0.0.1:<port>");
        text = Seed().Replace(text, "${word} <seed>");
        text = JsonNumber().Replace(text, "\"${name}\": 0");
        text = XmlTime().Replace(text, "time=\"0\"");
        text = XmlSeed().Replace(text, "value=\"<seed>\"");
        return Duration().Replace(text, "<duration>");
    }

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"(?<word>seed|--seed) \d+")]
    private static partial Regex Seed();

    [GeneratedRegex(@"""(?<name>seed|durationMs|atMs|execution_time)"": [\d.]+")]
    private static partial Regex JsonNumber();

    [GeneratedRegex(@"time=""[\d.]+""")]
    private static partial Regex XmlTime();

    [GeneratedRegex(@"(?<=name=""seed"" )value=""\d+""")]
    private static partial Regex XmlSeed();

    // "12 ms", "1.5 s", "+3 ms": every duration a report prints.
    [GeneratedRegex(@"\+?\b\d+(\.\d+)? m?s\b")]
    private static partial Regex Duration();
}
