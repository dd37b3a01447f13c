using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>grade [FOLDER]</c>: every program of one kit's <c>exercises/</c> — the student's own kit by default —
/// built and graded, a line per program, and the next thing to fix. Also what Gradescope and Classroom 50
/// run: one report file for the whole submission. Exit codes: 0 every check passed, 1 something to fix,
/// 2 the grader could not judge (no kit, a check it could not run), 130 interrupted.
/// </summary>
internal static class GradeCommand
{
    public static Command Build(IReadOnlyList<Exercise> exercises, Action<IServiceCollection>? configure)
    {
        var folder = new Argument<string?>("folder") { Description = Strings.HelpGradeFolder, Arity = ArgumentArity.ZeroOrOne };
        var reports = new ReportArguments(startOption: "--start");
        var classroom50 = new Option<string?>("--classroom50") { Description = Strings.HelpClassroom50, HelpName = "file" };
        var visibility = new Option<string>("--gradescope-visibility")
        {
            Description = Strings.HelpGradescopeVisibility,
            DefaultValueFactory = _ => GradescopeReport.Visibilities[0],
        }.AcceptOnlyFromAmong([.. GradescopeReport.Visibilities]);
        var runAs = new Option<string?>("--run-as") { Description = Strings.HelpRunAs, HelpName = "user" };
        var sandbox = new SandboxArguments();
        var command = new Command("grade", GraderCommandLine.Help(Strings.HelpGrade, Strings.HelpExamples, """
              dotnet run --project grader -- grade
              dotnet run --project grader -- grade path/to/copy-of-the-kit --gradescope results.json
            """))
        {
            folder, reports.Json, reports.JUnit, reports.Gradescope, visibility, classroom50, reports.Verbose, reports.Lang, reports.Points, reports.Seed,
            sandbox.Sandbox, sandbox.Image, sandbox.PythonImage, runAs,
        };
        command.SetAction((parsed, cancellationToken) => BatchRun.RunAsync(async (work, cancellationToken) =>
        {
            reports.UseLanguage(parsed);
            string? given = parsed.GetValue(folder);
            string kit = given ?? KitProject.Root() ?? throw new ExerciseException(Strings.GradeNoKit, ExitCodes.Usage);
            if (!Directory.Exists(Path.Combine(kit, "exercises")))
            {
                throw new ExerciseException(Strings.FormatGradeNoExercises(kit), ExitCodes.Usage);
            }
            string? user = parsed.GetValue(runAs) is { } name ? RunAs.Checked(name) : null;
            var options = reports.Options(parsed, exercises);
            await using var provider = GraderServices.Build(
                options, services => GradeAllCommand.Sandboxed(services, options, parsed, sandbox, sandbox.PythonImage, configure));
            var batch = new BatchGrader(
                exercises, provider.GetRequiredService<ExerciseGrader>(), provider.GetRequiredService<SubmissionBuilder>(), options, provider.GetService<BatchSandbox>(), user);

            Console.WriteLine(Strings.FormatGradeGrading(Shown(kit)));
            long started = TimeProvider.System.GetTimestamp();
            var result = await batch.GradeAsync(kit, work, what => Console.Error.WriteLine($"  {what}"), cancellationToken);
            var duration = TimeProvider.System.GetElapsedTime(started);

            var console = new SubmissionConsole(exercises);
            if (parsed.GetValue(reports.Verbose))
            {
                foreach (var report in result.Reports)
                {
                    provider.GetRequiredService<ConsoleReport>().Write(report, Console.Out, verbose: true);
                }
            }
            console.Write(result, Console.Out, ownKit: given is null);
            await WriteReportsAsync(parsed, reports, classroom50, visibility, kit, result, exercises, options, duration, cancellationToken);
            return result.Reports.Any(r => r.Errors > 0) ? ExitCodes.Usage
                : result.Score == result.MaxScore ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }

    private static async Task WriteReportsAsync(
        ParseResult parsed,
        ReportArguments reports,
        Option<string?> classroom50,
        Option<string> visibility,
        string kit,
        SubmissionResult result,
        IReadOnlyList<Exercise> exercises,
        GradingOptions options,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        if (parsed.GetValue(reports.Gradescope) is { Length: > 0 } gradescope)
        {
            string text = new GradescopeReport().Render(result, exercises, options.Points, duration, options.Seed, parsed.GetRequiredValue(visibility));
            await ReportFile.WriteAsync(gradescope, text + "\n", cancellationToken);
        }
        if (parsed.GetValue(classroom50) is { Length: > 0 } classroom)
        {
            string text = new Classroom50Report().Render(result, exercises, options.Points, Environment.GetEnvironmentVariable, DateTimeOffset.UtcNow);
            await ReportFile.WriteAsync(classroom, text + "\n", cancellationToken);
        }
        if (parsed.GetValue(reports.JUnit) is { Length: > 0 } junit)
        {
            string text = new JUnitReport().Render(result.Reports, r => SourceOf(kit, exercises.First(e => e.Key == r.Exercise)));
            await ReportFile.WriteAsync(junit, text + "\n", cancellationToken);
        }
        if (parsed.GetValue(reports.Json) is { Length: > 0 } json)
        {
            await ReportFile.WriteAsync(json, new BatchTable(GradeAllCommand.BatchChecks(exercises)).Json([result]) + "\n", cancellationToken);
        }
    }

    // The student's file of the program, relative to the kit, for reporters to point at: its Program.cs, or its Python script.
    private static string? SourceOf(string kit, Exercise exercise) =>
        ((string[])["Program.cs", "server.py", "client.py", "main.py"])
            .Select(file => $"{SubmissionBuilder.ProjectOf(exercise)}/{file}")
            .FirstOrDefault(file => File.Exists(Path.Combine(kit, file)));

    private static string Shown(string kit)
    {
        string relative = Path.GetRelativePath(Environment.CurrentDirectory, kit).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(kit) : relative;
    }
}
