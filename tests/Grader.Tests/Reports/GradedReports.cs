using System.Globalization;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests.Reports;

/// <summary>
/// A passing and a failing grading, in English and in Croatian, made once for all the report tests: the
/// reference echo server, and a catalogue server that turns text into ASCII (its failures are the same bytes
/// in every run). How TCP splits a stream into pieces varies from run to run, so each transcript is made
/// <see cref="Steady(GradeReport)"/> before any test sees it.
/// </summary>
public sealed class GradedReports : IAsyncLifetime
{
    public const string Passing = "passing";
    public const string Failing = "failing";

    private readonly Dictionary<(string Outcome, string Language), GradeReport> _reports = [];

    public GradeReport this[string outcome, string language] => _reports[(outcome, language)];

    public async ValueTask InitializeAsync()
    {
        foreach (var language in Language.Supported)
        {
            _reports[(Passing, language)] = Steady(await InLanguage(language, () => Grade.ServerAsync(EchoServer, KitPrograms.SolutionEchoServer)));
            _reports[(Failing, language)] = Steady(await InLanguage(language, () => Grade.ServerAsync(EchoServer, KitPrograms.CatalogueServer("decodes-ascii"))));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Runs <paramref name="work"/> with <paramref name="language"/> as the language, and restores the one before.</summary>
    public static T InLanguage<T>(string language, Func<T> work)
    {
        var before = CultureInfo.CurrentUICulture;
        Language.Use(Language.Resolve(language));
        try
        {
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>
    /// The report with each transcript reduced to what does not depend on timing: per connection, in the
    /// order each first appears, one line per kind of event with all its bytes, at time zero, the kinds in
    /// their declared order (connected, sent, received, closes). A busy machine may record the first echo of a
    /// large payload before the send that it answers has finished, so the order the kinds first appear in is
    /// not steady.
    /// </summary>
    private static GradeReport Steady(GradeReport report) => report with
    {
        Results = [.. report.Results.Select(r => r with { Transcript = Steady(r.Transcript) })],
    };

    private static List<WireEvent> Steady(IReadOnlyList<WireEvent> events) =>
    [
        .. events.GroupBy(e => e.Party).SelectMany(party => party
            .GroupBy(e => (e.Kind, e.Text))
            .OrderBy(kind => kind.Key.Kind)
            .Select(kind => kind.First() with { At = TimeSpan.Zero, Data = [.. kind.SelectMany(e => e.Data)] })),
    ];
}
