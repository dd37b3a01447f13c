using System.Text.RegularExpressions;
using Snapshooter.Xunit;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Reports;
using SocketExercises.Testing;
using static SocketExercises.Grader.Composition.ServiceCollectionExtensions;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The reports as students and scripts read them. Ports, durations and seeds change from run to run and are
/// scrubbed; everything else, failure messages included, is part of the snapshot and reviewed like code.
/// </summary>
public sealed partial class ReportSnapshotTests
{
    [Fact]
    public async Task Console_report_of_a_passing_server()
    {
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.SolutionEchoServer);

        Snapshot.Match(ScrubConsole(report.Describe()));
    }

    [Fact]
    public async Task Console_report_of_a_failing_server()
    {
        var report = await FailingReportAsync();

        Snapshot.Match(ScrubConsole(report.Describe()));
    }

    [Fact]
    public async Task Json_report_of_a_passing_server()
    {
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.SolutionEchoServer);

        Snapshot.Match(ScrubJson(new JsonReport().Render(report)));
    }

    [Fact]
    public async Task Json_report_of_a_failing_server()
    {
        var report = await FailingReportAsync();

        Snapshot.Match(ScrubJson(new JsonReport().Render(report)));
    }

    // A server that turns text into ASCII: its failures are the same bytes in every run.
    private static Task<GradeReport> FailingReportAsync() =>
        Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("decodes-ascii"));

    private static string ScrubConsole(string text)
    {
        text = Port().Replace(text, "127.0.0.1:<port>");
        text = Seed().Replace(text, "seed <seed>");
        return Duration().Replace(text, "(<duration>)");
    }

    private static string ScrubJson(string json)
    {
        json = Port().Replace(json, "127.0.0.1:<port>");
        json = JsonSeed().Replace(json, "\"seed\": 0");
        return JsonDuration().Replace(json, "\"durationMs\": 0");
    }

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex Port();

    [GeneratedRegex(@"seed \d+")]
    private static partial Regex Seed();

    [GeneratedRegex(@"\(\d+(\.\d+)? m?s\)$", RegexOptions.Multiline)]
    private static partial Regex Duration();

    [GeneratedRegex(@"""seed"": \d+")]
    private static partial Regex JsonSeed();

    [GeneratedRegex(@"""durationMs"": \d+")]
    private static partial Regex JsonDuration();
}
