using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>grade-all FOLDER</c>: a teacher's whole class in one command. Exit codes: 0 when every submission was
/// looked at (whatever its grade), 2 when the folder is not a folder of submissions, 130 when interrupted.
/// </summary>
internal static class GradeAllCommand
{
    private const int SubmissionsAtOnce = 2;

    public static Command Build(IReadOnlyList<Exercise> exercises, Action<IServiceCollection>? configure)
    {
        var folder = new Argument<string>("folder")
        {
            Description = Strings.FormatHelpFolder(string.Join(", ", exercises.Select(e => "exercises/" + e.Project.Split('/')[0]).Distinct())),
        };
        var output = new Option<string>("--out")
        {
            Description = Strings.HelpOut,
            DefaultValueFactory = _ => "grades",
            HelpName = "folder",
        };
        var before = new Option<DateTimeOffset?>("--before") { Description = Strings.HelpBefore, HelpName = "date-time" };
        var reports = new ReportArguments(startOption: "--start");
        var sandbox = new SandboxArguments();
        var pythonImage = sandbox.PythonImage;
        var command = new Command("grade-all", GraderCommandLine.Help(Strings.HelpGradeAll, Strings.HelpExamples, """
              dotnet run --project grader -- grade-all submissions/ --out grades/
              dotnet run --project grader -- grade-all submissions/ --sandbox docker
            """))
        {
            folder, output, before, reports.Lang, reports.Points, reports.Seed, sandbox.Sandbox, sandbox.Image, pythonImage,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(
            parsed.GetRequiredValue(folder),
            parsed.GetRequiredValue(output),
            parsed.GetValue(before),
            exercises,
            parsed,
            reports,
            options => services => Sandboxed(services, options, parsed, sandbox, pythonImage, configure),
            cancellationToken));
        return command;
    }

    /// <summary>With --sandbox docker, each program is graded with services of its own, which run it in containers.</summary>
    internal static void Sandboxed(
        IServiceCollection services, GradingOptions options, ParseResult parsed, SandboxArguments sandbox, Option<string> pythonImage, Action<IServiceCollection>? configure)
    {
        if (parsed.GetValue(sandbox.Sandbox) is SandboxArguments.Docker)
        {
            services.AddSingleton(new BatchSandbox(
                parsed.GetValue(sandbox.Image) ?? SandboxOptions.DotnetImage,
                parsed.GetRequiredValue(pythonImage),
                container => GraderServices.Build(options, one =>
                {
                    one.AddSandbox(container);
                    configure?.Invoke(one);
                })));
        }
        configure?.Invoke(services);
    }

    private static Task<int> RunAsync(
        string folder, string output, DateTimeOffset? before, IReadOnlyList<Exercise> exercises, ParseResult parsed, ReportArguments reports, Func<GradingOptions, Action<IServiceCollection>> configure, CancellationToken cancellationToken) =>
        BatchRun.RunAsync(async (work, cancellationToken) =>
        {
            reports.UseLanguage(parsed);
            var submissions = Directory.Exists(folder)
                ? BatchGrader.Submissions(folder)
                : throw new ExerciseException(Strings.FormatBatchFolderMissing(folder), ExitCodes.Usage);
            if (submissions.Count == 0)
            {
                throw new ExerciseException(Strings.FormatBatchNoSubmissions(folder), ExitCodes.Usage);
            }
            var options = reports.Options(parsed, exercises);
            await using var provider = GraderServices.Build(options, configure(options));
            var batch = new BatchGrader(
                exercises, provider.GetRequiredService<ExerciseGrader>(), provider.GetRequiredService<SubmissionBuilder>(), options, provider.GetService<BatchSandbox>());
            long started = TimeProvider.System.GetTimestamp();
            var studentReport = new StudentReport(exercises);
            // Two submissions at a time: while one builds, the other's programs are mostly waiting on the wire.
            using var slots = new SemaphoreSlim(SubmissionsAtOnce);
            var results = await Task.WhenAll(submissions.Select(async (submission, i) =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    string student = Path.GetFileName(submission);
                    string step = $"[{i + 1}/{submissions.Count}] {student}";
                    // Progress goes to standard error, so standard output is the table alone.
                    var result = await GradeAsync(batch, submission, before, Path.Combine(work, student), what => Console.Error.WriteLine($"{step}: {what}"), cancellationToken);
                    Console.Error.WriteLine($"{step}: {result.Score}/{result.MaxScore}");
                    // The student's report now, while its transcripts are at hand; the class's table needs none of
                    // them, and thirty students' megabytes of them were the largest part of the grader's memory.
                    await ReportFile.WriteAsync(Path.Combine(output, result.Student + ".md"), studentReport.Render(result), cancellationToken);
                    return result.WithoutEvidence();
                }
                finally
                {
                    slots.Release();
                }
            }));

            var table = new BatchTable(BatchChecks(exercises));
            string csv = Path.Combine(output, "grades.csv");
            string json = Path.Combine(output, "grades.json");
            await ReportFile.WriteAsync(csv, table.Csv(results), cancellationToken);
            await ReportFile.WriteAsync(json, table.Json(results) + "\n", cancellationToken);
            Console.WriteLine();
            table.WriteConsole(results, Console.Out);
            Console.WriteLine();
            Console.WriteLine(Strings.FormatBatchWritten(csv, json));
            Console.WriteLine(Strings.FormatBatchWrittenReports(Path.Combine(output, "<student>.md")));
            Console.WriteLine(Strings.FormatBatchDone(results.Length, Durations.Format(TimeProvider.System.GetElapsedTime(started))));
            return ExitCodes.Success;
        }, cancellationToken);

    // With --before, a git repository is graded as of its last commit before the deadline, and the result says which.
    private static async Task<SubmissionResult> GradeAsync(
        BatchGrader batch, string submission, DateTimeOffset? before, string work, Action<string> progress, CancellationToken cancellationToken)
    {
        if (before is not { } deadline)
        {
            return await batch.GradeAsync(submission, work, progress, cancellationToken);
        }
        string student = Path.GetFileName(Path.TrimEndingDirectorySeparator(submission));
        var (folder, commit, problem) = await SubmissionSnapshot.AsOfAsync(submission, deadline, Path.Combine(work, "as-of", student), cancellationToken);
        if (folder is null)
        {
            return batch.NotGraded(student, problem!);
        }
        var result = await batch.GradeAsync(folder, work, progress, cancellationToken);
        return result with { Commit = commit, Problems = problem is null ? result.Problems : [new ProgramProblem("", problem), .. result.Problems] };
    }

    /// <summary>Every check of every exercise, in grading order: the table's columns.</summary>
    internal static List<(string Exercise, string Id)> BatchChecks(IReadOnlyList<Exercise> exercises) =>
        [.. exercises.SelectMany(e => e.Checks.Select(c => (e.Key, c.Info.Id)))];
}
