using System.Resources;
using System.Text.Json;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.CodeReview;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Scoring;

namespace SocketExercises.Grader.Exercises;

/// <summary>What the program graded for an exercise is: a server the grader connects to, or a client it plays the server for.</summary>
public enum ProgramRole
{
    Server,
    Client,
}

/// <summary>
/// Everything that makes one program of the kit gradable, in one place: its key on the command line, its
/// project, its checks in the order they run, the options it adds, its default points and how its program is
/// handed what it needs. The grader's engine, its command line, <c>grade-all</c> and the tests iterate
/// <see cref="KitExercises.All"/>; a new exercise is a new folder beside the others and one line in that list.
/// </summary>
public abstract class Exercise
{
    /// <summary>What <c>check</c> calls it, and what reports say was graded: <c>echo-server</c>.</summary>
    public abstract string Key { get; }

    public abstract ProgramRole Role { get; }

    /// <summary>The program's project folder in <c>exercises/</c> and <c>solutions/</c>: <c>01-echo/EchoServer</c>.</summary>
    public abstract string Project { get; }

    /// <summary>The program's name, which is also its assembly's: <c>EchoServer</c>.</summary>
    public string Name => Path.GetFileName(Project);

    /// <summary>The help of its <c>check</c> command, in the current language.</summary>
    public abstract string Description { get; }

    /// <summary>Command lines that grade it, for its help; the same in every language.</summary>
    public abstract string Examples { get; }

    /// <summary>Its checks, in the order they run: those on the wire, then those of its code.</summary>
    public abstract IReadOnlyList<ICheck> Checks { get; }

    /// <summary>
    /// What the wire can't show and the kit's security analyzer can: checks of the program's code that bear points.
    /// Every other finding of the analyzer is a note in the report.
    /// </summary>
    public virtual IReadOnlyList<CodeCheck> CodeChecks => [];

    /// <summary>
    /// The mistakes its failures can be recognised by, in the order they are tried: the first that recognises a
    /// failed check names its mistake in place of the check's hint.
    /// </summary>
    public virtual IReadOnlyList<IDiagnoser> Diagnosers => [];

    /// <summary>What its <c>check</c> command takes besides the program and the reports, such as <c>--password</c>.</summary>
    public virtual IReadOnlyList<ExerciseOption> Options => [];

    /// <summary>
    /// What each check is worth unless a teacher says otherwise: <c>&lt;key&gt;.points.json</c>, embedded
    /// from the exercise's folder into the assembly that defines it.
    /// </summary>
    public IReadOnlyDictionary<string, int> DefaultPoints => _points ??= LoadPoints();

    private IReadOnlyDictionary<string, int>? _points;

    /// <summary>The default points of every check of <paramref name="exercises"/>, each exercise's from its own file.</summary>
    public static PointsTable DefaultPointsOf(IEnumerable<Exercise> exercises) => PointsTable.Of(exercises.SelectMany(e => e.DefaultPoints));

    /// <summary>Grades <paramref name="program"/> with the settings <paramref name="arguments"/> give.</summary>
    /// <exception cref="Common.ExerciseException">The arguments do not allow grading (a usage error).</exception>
    public abstract Task<GradeReport> GradeAsync(
        ExerciseGrader grader, ProgramUnderTest program, ExerciseArguments arguments, CancellationToken cancellationToken);

    public override string ToString() => Key;

    /// <summary>The checks <c>--only</c> selects (all when it was not given), and the note that says what else ran.</summary>
    protected static (IReadOnlyList<ICheck<TTarget>> Checks, string? Note) Select<TTarget>(IReadOnlyList<ICheck<TTarget>> checks, ExerciseArguments arguments) =>
        arguments.Only?.Apply(checks) ?? (checks, null);

    /// <summary><paramref name="report"/> with <paramref name="note"/> first among its notes, when there is one.</summary>
    protected static GradeReport Noted(GradeReport report, string? note) =>
        note is null ? report : report with { Notes = [note, .. report.Notes] };

    private Dictionary<string, int> LoadPoints()
    {
        var assembly = GetType().Assembly;
        string suffix = $".{Key}.points.json";
        string name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(suffix, StringComparison.Ordinal))
            ?? throw new MissingManifestResourceException($"{assembly.GetName().Name} embeds no {Key}.points.json for the exercise {Key}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize<Dictionary<string, int>>(stream)!;
    }
}

/// <summary>An exercise whose program is a server: the grader connects to it, or starts it and then connects.</summary>
/// <typeparam name="TTarget">What its checks talk to: the server, with what the grader knows of it.</typeparam>
public abstract class ServerExercise<TTarget> : Exercise
{
    public sealed override ProgramRole Role => ProgramRole.Server;

    public sealed override IReadOnlyList<ICheck> Checks => _checks ??= [.. ServerChecks, .. CodeChecks];

    private IReadOnlyList<ICheck>? _checks;

    /// <inheritdoc cref="Exercise.Checks"/>
    protected abstract IReadOnlyList<ICheck<TTarget>> ServerChecks { get; }

    /// <summary>What a grading needs besides the server: what a started server is handed, and the checks' view of the server.</summary>
    protected abstract ServerSetup<TTarget> Setup(ExerciseArguments arguments);

    public sealed override async Task<GradeReport> GradeAsync(
        ExerciseGrader grader, ProgramUnderTest program, ExerciseArguments arguments, CancellationToken cancellationToken)
    {
        var setup = Setup(arguments);
        var (checks, selected) = Select(ServerChecks, arguments);
        var request = new ServerGradingRequest(Key, program.Endpoint, program.Command, program.StartTimeout, setup.Settings);
        return await grader.WithCodeReviewAsync(async () =>
        {
            var report = await grader.Servers.GradeAsync(request, checks, setup.Target, cancellationToken);
            return Noted(ExerciseNote.AddTo(Diagnostician.Diagnose(report, Diagnosers, ProgramLanguages.Of(program.Command)), setup.Note), selected);
        }, program, CodeChecks, arguments, cancellationToken);
    }
}

/// <summary>An exercise whose program is a client: the grader plays its server and runs it.</summary>
/// <typeparam name="TTarget">What its checks judge: the client, as the grader plays its server.</typeparam>
public abstract class ClientExercise<TTarget> : Exercise
{
    public sealed override ProgramRole Role => ProgramRole.Client;

    public sealed override IReadOnlyList<ICheck> Checks => _checks ??= [.. ClientChecks, .. CodeChecks];

    private IReadOnlyList<ICheck>? _checks;

    /// <inheritdoc cref="Exercise.Checks"/>
    protected abstract IReadOnlyList<ICheck<TTarget>> ClientChecks { get; }

    /// <summary>What a grading needs besides the client: what it is handed, and the checks' view of it.</summary>
    protected abstract ClientSetup<TTarget> Setup(ExerciseArguments arguments);

    public sealed override async Task<GradeReport> GradeAsync(
        ExerciseGrader grader, ProgramUnderTest program, ExerciseArguments arguments, CancellationToken cancellationToken)
    {
        var command = program.Command ?? throw new ArgumentException("A client is graded by running it: it needs a command.", nameof(program));
        var setup = Setup(arguments);
        var (checks, selected) = Select(ClientChecks, arguments);
        var request = new ClientGradingRequest(Key, command, program.Endpoint, setup.Settings, setup.ServeOn) { KeepInput = setup.KeepInput };
        return await grader.WithCodeReviewAsync(async () =>
        {
            var report = await grader.Clients.GradeAsync(request, checks, setup.Target, cancellationToken);
            return Noted(ExerciseNote.AddTo(Diagnostician.Diagnose(report, Diagnosers, ProgramLanguages.Of(command)), setup.Note), selected);
        }, program, CodeChecks, arguments, cancellationToken);
    }
}
