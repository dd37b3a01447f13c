using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// Grades a folder of submissions, one sub-folder each in the kit's layout: builds the program of each
/// exercise, starts or runs it against the grader, and collects the reports. A submission that does not build, or breaks the
/// grading of one of its programs, becomes a result with the reason; the run always goes on to the next.
/// </summary>
/// <param name="exercises">The programs a submission holds, in the order they are graded.</param>
/// <param name="sandbox">Where programs run when the batch is sandboxed (<c>--sandbox docker</c>); null to run them here.</param>
/// <param name="runAs">The user the programs run as (<c>--run-as</c>), when not the grader's own.</param>
public sealed class BatchGrader(
    IReadOnlyList<Exercise> exercises, ExerciseGrader grader, SubmissionBuilder builder, GradingOptions options, BatchSandbox? sandbox = null, string? runAs = null)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    // How many of a submission's programs are graded at once: the cores, and at least two, since gradings mostly wait.
    private static readonly int Parallelism = Math.Max(2, Environment.ProcessorCount);

    /// <summary>The sub-folders of <paramref name="folder"/> that are submissions, in name order.</summary>
    public static IReadOnlyList<string> Submissions(string folder) =>
        [.. Directory.GetDirectories(folder).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal)];

    /// <param name="submission">The submission's folder.</param>
    /// <param name="work">A folder for the builds, removed by the caller.</param>
    /// <param name="progress">Told what is happening, for the console.</param>
    /// <param name="cancellationToken">Interrupts the batch.</param>
    public async Task<SubmissionResult> GradeAsync(string submission, string work, Action<string> progress, CancellationToken cancellationToken)
    {
        progress(Strings.FormatBatchBuilding(string.Join(", ", exercises.Select(SubmissionBuilder.ProjectOf))));
        var programs = await builder.BuildAsync(submission, exercises, work, cancellationToken, runAs);
        var outcomes = new (GradeReport? Report, ProgramProblem? Problem)[exercises.Count];
        var built = new List<(int Index, BuiltProgram Program)>();
        for (int i = 0; i < exercises.Count; i++)
        {
            if (programs[i].Program is { } program)
            {
                built.Add((i, program));
            }
            else
            {
                outcomes[i] = (null, new ProgramProblem(exercises[i].Key, programs[i].Problem!));
            }
        }

        // Graded side by side: each program has its own port, process and (sandboxed) containers, and most of a
        // grading is waiting on the wire, so a submission takes about as long as its slowest program.
        using var slots = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(built.Select(async b =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                progress(Strings.FormatBatchGrading(exercises[b.Index].Key));
                outcomes[b.Index] = (await GradeAsync(exercises[b.Index], b.Program, cancellationToken), null);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One program that breaks the grader's run (a port taken, a process that cannot start) costs
                // its own points, never the rest of the batch.
                outcomes[b.Index] = (null, new ProgramProblem(exercises[b.Index].Key, Strings.FormatBatchGradingFailed(exercises[b.Index].Key, e.Message)));
            }
            finally
            {
                slots.Release();
            }
        }));

        return Result(
            Path.GetFileName(Path.TrimEndingDirectorySeparator(submission)),
            [.. outcomes.Select(o => o.Report).OfType<GradeReport>()],
            [.. outcomes.Select(o => o.Problem).OfType<ProgramProblem>()]);
    }

    /// <summary>A submission none of whose programs could be graded, and why: each is worth nothing.</summary>
    public SubmissionResult NotGraded(string student, string problem) => Result(student, [], [new ProgramProblem("", problem)]);

    private SubmissionResult Result(string student, IReadOnlyList<GradeReport> reports, IReadOnlyList<ProgramProblem> problems) =>
        new(student, reports, problems)
        {
            MaxScore = exercises.Sum(e => e.Checks.Sum(c => options.Points.For(c.Info.Id))),
            Points = options.Points,
            ChecksOf = exercises.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)[.. e.Checks.Select(c => c.Info.Id)]),
        };

    private async Task<GradeReport> GradeAsync(Exercise exercise, BuiltProgram built, CancellationToken cancellationToken)
    {
        if (sandbox is null)
        {
            // setpriv drops to the user for good before the program runs: it cannot write the grader's files, nor signal it.
            string run = runAs is null ? built.Command(built.Folder) : $"setpriv --reuid={runAs} --regid={runAs} --init-groups -- {built.Command(built.Folder)}";
            return await GradeAsync(exercise, new ShellCommand(run), built.Source, grader, cancellationToken);
        }
        // Each program runs in containers of its own, made from its folder and the image for its language.
        await using var sandboxed = sandbox.Services(new SandboxOptions(sandbox.ImageFor(built.Language), built.Folder));
        return await GradeAsync(
            exercise, new ShellCommand(built.Command(SandboxOptions.SubmissionPath)), built.Source, sandboxed.GetRequiredService<ExerciseGrader>(), cancellationToken);
    }

    // Every option at its default: a server gets a free port (and a password the grader makes up, where its
    // exercise has one), a client the grader's listening address.
    private static Task<GradeReport> GradeAsync(Exercise exercise, ShellCommand command, string? source, ExerciseGrader grader, CancellationToken cancellationToken)
    {
        var endpoint = exercise.Role == ProgramRole.Server ? FreePort.On(IPAddress.Loopback) : new IPEndPoint(IPAddress.Loopback, 0);
        var program = new ProgramUnderTest(WithAddress(command), endpoint, StartTimeout) { SourceFolder = source };
        return grader.GradeAsync(exercise, program, ExerciseArguments.Defaults(graderRunsProgram: true), cancellationToken);
    }

    // The kit's programs take their address from SOCKET_HOST/SOCKET_PORT, which the grader sets; the options
    // say it again, for a program that reads only those.
    private static ShellCommand WithAddress(ShellCommand command) => new($"{command.Text} --host {{host}} --port {{port}}");
}

/// <summary>How a sandboxed batch runs its programs: an image per language, and the grader's services for one program's containers.</summary>
/// <param name="DotnetImage">For C# programs.</param>
/// <param name="PythonImage">For Python programs.</param>
/// <param name="Services">The grader's services, with the program run in containers as <see cref="SandboxOptions"/> describe.</param>
public sealed record BatchSandbox(string DotnetImage, string PythonImage, Func<SandboxOptions, ServiceProvider> Services)
{
    public string ImageFor(ProgramLanguage language) => language == ProgramLanguage.Python ? PythonImage : DotnetImage;
}
