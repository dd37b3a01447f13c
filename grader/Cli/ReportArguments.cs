using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The options every <c>check</c> command takes about its reports: where to write them, how much to show, in
/// which language, with whose points; and, in GitHub Actions, the job summary and annotations.
/// </summary>
internal sealed class ReportArguments(string startOption)
{
    private Func<ParseResult, string?> _programCommand = _ => null;

    public Option<string?> Json { get; } = new("--json")
    {
        Description = Strings.HelpJson,
        HelpName = "file",
    };

    public Option<string?> JUnit { get; } = new("--junit")
    {
        Description = Strings.HelpJUnit,
        HelpName = "file",
    };

    public Option<string?> Gradescope { get; } = new("--gradescope")
    {
        Description = Strings.HelpGradescope,
        HelpName = "file",
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = Strings.HelpVerbose,
    };

    public Option<string?> Lang { get; } = new Option<string?>("--lang")
    {
        Description = Strings.HelpLang,
    }.AcceptOnlyFromAmong([.. Language.Supported]);

    public Option<string?> Points { get; } = new("--points")
    {
        Description = Strings.HelpPoints,
        HelpName = "file",
    };

    public Option<int?> Seed { get; } = new("--seed")
    {
        Description = Strings.HelpSeed,
    };

    public Option<string?> Source { get; } = new("--source")
    {
        Description = Strings.FormatHelpSource(startOption),
        HelpName = "file",
    };

    public void AddTo(Command command, Func<ParseResult, string?> programCommand)
    {
        _programCommand = programCommand;
        foreach (var option in new Option[] { Json, JUnit, Gradescope, Verbose, Lang, Points, Seed, Source })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Makes the chosen language the one everything is said in; first, as checks word their failures while they run.</summary>
    public void UseLanguage(ParseResult parsed) => Language.Use(Language.Resolve(parsed.GetValue(Lang)));

    /// <summary>
    /// The grading's options: the chosen seed (or a new one), and points: the defaults of
    /// <paramref name="exercises"/>, or the teacher's over them.
    /// </summary>
    /// <exception cref="Common.ExerciseException">The points file cannot be used.</exception>
    public GradingOptions Options(ParseResult parsed, IReadOnlyList<Exercise> exercises)
    {
        var defaults = Exercise.DefaultPointsOf(exercises);
        return new GradingOptions
        {
            Seed = parsed.GetValue(Seed) ?? Random.Shared.Next(),
            Points = parsed.GetValue(Points) is { Length: > 0 } points ? defaults.WithOverrides(points) : defaults,
        };
    }

    /// <summary>Prints the console report and writes every report asked for.</summary>
    public async Task WriteAsync(ParseResult parsed, IServiceProvider provider, GradeReport report, CancellationToken cancellationToken)
    {
        provider.GetRequiredService<ConsoleReport>().Write(report, Console.Out, parsed.GetValue(Verbose));
        if (parsed.GetValue(Json) is { Length: > 0 } json)
        {
            await provider.GetRequiredService<JsonReport>().WriteAsync(report, json, cancellationToken);
        }
        string? source = parsed.GetValue(Source) ?? SourceFile.Guess(_programCommand(parsed));
        if (parsed.GetValue(JUnit) is { Length: > 0 } junit)
        {
            await provider.GetRequiredService<JUnitReport>().WriteAsync(report, source, junit, cancellationToken);
        }
        if (parsed.GetValue(Gradescope) is { Length: > 0 } gradescope)
        {
            await provider.GetRequiredService<GradescopeReport>().WriteAsync(report, gradescope, cancellationToken);
        }
        if (GitHubReport.InActions)
        {
            var github = provider.GetRequiredService<GitHubReport>();
            foreach (var annotation in github.Annotations(report, source))
            {
                Console.Out.WriteLine(annotation);
            }
            if (GitHubReport.SummaryFile is { } summary)
            {
                await ReportFile.WriteAsync(summary, github.Summary(report), cancellationToken, append: true);
            }
        }
    }
}
