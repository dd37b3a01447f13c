using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The grader's command line, a contract that scripts and CI rely on: <c>check &lt;exercise&gt;</c> for each
/// exercise (a server: <c>check KEY --port N [--host H] [--start CMD]</c>; a client: <c>check KEY --client CMD [--listen-port N]</c>)
/// and <c>grade-all FOLDER</c>. Exit codes: 0 every check passed, 1 a check failed, 2 a usage error or nothing could be graded.
/// </summary>
public static class GraderCommandLine
{
    internal const int Interrupted = 130;

    /// <param name="configure">Replaces or adds services after the defaults: tests inject a clock or limits here.</param>
    /// <param name="exercises">The exercises it grades: the kit's, unless a test adds its own.</param>
    public static RootCommand Build(Action<IServiceCollection>? configure = null, IReadOnlyList<Exercise>? exercises = null)
    {
        exercises ??= KitExercises.All;
        var check = new Command("check", Strings.HelpCheck);
        foreach (var exercise in exercises)
        {
            check.Subcommands.Add(CheckCommand(exercise, exercises, configure));
        }
        return new RootCommand(Strings.HelpRoot)
        {
            check,
            GradeCommand.Build(exercises, configure),
            WatchCommand.Build(exercises),
            GradeAllCommand.Build(exercises, configure),
            BenchCommand.Build(),
            SchemaCommand(),
        };
    }

    // schema: the JSON schema of what --json writes, for tools that read the reports.
    private static Command SchemaCommand()
    {
        var command = new Command("schema", Strings.HelpSchema);
        command.SetAction(_ => Console.Out.WriteLine(JsonReport.Schema()));
        return command;
    }

    // One command per exercise: its own options first, then those of every server or every client.
    private static Command CheckCommand(Exercise exercise, IReadOnlyList<Exercise> exercises, Action<IServiceCollection>? configure)
    {
        var command = new Command(exercise.Key, Help(exercise.Description, Strings.HelpExamples, exercise.Examples));
        var made = exercise.Options.ToDictionary(o => o, o => o.Create());
        foreach (var option in made.Values)
        {
            command.Options.Add(option);
        }
        IProgramArguments program = exercise.Role == ProgramRole.Server ? new ServerArguments(exercise) : new ClientArguments(exercise);
        program.AddTo(command);
        var only = new Option<string[]>("--only") { Description = Strings.HelpOnly, HelpName = "check" };
        var list = new Option<bool>("--list") { Description = Strings.HelpList };
        command.Options.Add(only);
        command.Options.Add(list);
        command.SetAction((parsed, cancellationToken) => parsed.GetValue(list)
            ? ListChecks(exercise, program.Reports, parsed)
            : RunAsync(parsed, program.Reports, exercises, program.Configure(parsed, configure), (provider, token) =>
            {
                var selection = parsed.GetValue(only) is { Length: > 0 } patterns ? CheckSelection.Of(patterns, exercise) : null;
                var graded = program.Program(parsed);
                var arguments = ExerciseArguments.From(parsed, made, graderRunsProgram: graded.Command is not null).WithOnly(selection);
                return provider.GetRequiredService<ExerciseGrader>().GradeAsync(exercise, graded, arguments, token);
            }, cancellationToken));
        return command;
    }

    // --list: each check with its requirement, points and title, in the order they run; nothing is graded.
    private static Task<int> ListChecks(Exercise exercise, ReportArguments reports, ParseResult parsed)
    {
        reports.UseLanguage(parsed);
        var points = reports.Options(parsed, [exercise]).Points;
        int width = exercise.Checks.Max(c => c.Info.Id.Length);
        foreach (var check in exercise.Checks)
        {
            Console.WriteLine($"{check.Info.Id.PadRight(width)}  {check.Info.Requirement,-4}  {points.For(check.Info.Id),2}  {check.Info.Title}");
        }
        return Task.FromResult(0);
    }

    /// <summary>A command's description in the chosen language, followed by its examples, which are the same in every language.</summary>
    internal static string Help(string description, string examplesHeading, string examples) =>
        $"{description}\n\n{examplesHeading}\n{examples}";

    private static async Task<int> RunAsync(
        ParseResult parsed,
        ReportArguments reports,
        IReadOnlyList<Exercise> exercises,
        Action<IServiceCollection>? configure,
        Func<IServiceProvider, CancellationToken, Task<GradeReport>> grade,
        CancellationToken cancellationToken)
    {
        reports.UseLanguage(parsed);
        // Ctrl+C or SIGTERM stops grading, and with it every program the grader started.
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        try
        {
            var options = reports.Options(parsed, exercises);
            await using var provider = GraderServices.Build(options, configure);
            var report = await grade(provider, cancellationToken);
            await reports.WriteAsync(parsed, provider, report, cancellationToken);
            // A check the grader could not judge makes the whole verdict unsure: that is its trouble, exit 2.
            return report.Errors > 0 ? ExitCodes.Usage : report.Failed > 0 ? ExitCodes.Failure : ExitCodes.Success;
        }
        catch (Exception e) when (e is PortInUseException or ExerciseException)
        {
            await Console.Error.WriteLineAsync(Strings.FormatCouldNotGrade(e.Message));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(Strings.GradingInterrupted);
            return Interrupted;
        }
    }
}

/// <summary>The options every server command, or every client command, takes about the program under test.</summary>
internal interface IProgramArguments
{
    ReportArguments Reports { get; }

    void AddTo(Command command);

    /// <summary>The grader's services as this command line asks: the program in a sandbox or not, then <paramref name="configure"/>'s changes.</summary>
    Action<IServiceCollection> Configure(ParseResult parsed, Action<IServiceCollection>? configure);

    /// <summary>The program to grade, and where the grader meets it.</summary>
    ProgramUnderTest Program(ParseResult parsed);
}

/// <summary>
/// The options every server command takes: where the server listens, and how to start it. Given neither a port
/// nor a command, inside the kit it starts the student's own program of the exercise.
/// </summary>
internal sealed class ServerArguments(Exercise exercise) : IProgramArguments
{
    public EndpointOptions EndpointOptions { get; } = new();

    public Option<string?> Start { get; } = new("--start")
    {
        Description = Strings.HelpStart,
        HelpName = "command",
    };

    public Option<double> StartTimeout { get; } = new("--start-timeout")
    {
        Description = Strings.HelpStartTimeout,
        DefaultValueFactory = _ => 60,
        CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--start-timeout", result),
    };

    public ReportArguments Reports { get; } = new(startOption: "--start");

    public SandboxArguments Sandbox { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Start);
        command.Options.Add(StartTimeout);
        EndpointOptions.AddTo(command);
        Sandbox.AddTo(command);
        Reports.AddTo(command, parsed => parsed.GetValue(Start));
    }

    /// <summary>The grader's services as this command line asks: the started server in a sandbox or not, then <paramref name="configure"/>'s changes.</summary>
    public Action<IServiceCollection> Configure(ParseResult parsed, Action<IServiceCollection>? configure) =>
        Sandbox.Configure(parsed, parsed.GetValue(Start), configure);

    public IPEndPoint Endpoint(ParseResult parsed) =>
        new(EndpointOptions.Resolve(parsed.GetRequiredValue(EndpointOptions.Host)), parsed.GetValue(EndpointOptions.Port));

    public ShellCommand? StartCommand(ParseResult parsed)
    {
        if (parsed.GetValue(Start) is { Length: > 0 } text)
        {
            return new ShellCommand(text);
        }
        if (parsed.GetResult(EndpointOptions.Port) is null or { Implicit: true } && KitProject.Find(exercise.Project) is { } own)
        {
            Console.WriteLine(Strings.FormatGradingOwnServer(own.Folder, own.Command));
            return new ShellCommand(own.Command);
        }
        return null;
    }

    public TimeSpan StartTimeoutOf(ParseResult parsed) => TimeSpan.FromSeconds(parsed.GetValue(StartTimeout));

    public ProgramUnderTest Program(ParseResult parsed)
    {
        var command = StartCommand(parsed);
        return new(command, Endpoint(parsed), StartTimeoutOf(parsed)) { SourceFolder = SourceFile.FolderOf(command?.Text) };
    }
}

/// <summary>
/// The options every client command takes: the client's command, and where the grader listens. Given no command,
/// inside the kit it runs the student's own program of the exercise.
/// </summary>
internal sealed class ClientArguments(Exercise exercise) : IProgramArguments
{
    public Option<string> Client { get; } = new("--client")
    {
        Description = Strings.HelpClient,
        HelpName = "command",
    };

    public Option<int> ListenPort { get; } = new("--listen-port")
    {
        Description = Strings.HelpListenPort,
        DefaultValueFactory = _ => 0,
        CustomParser = result => OptionParsers.Port(OptionParsers.Token(result), "--listen-port", result, min: 0),
    };

    public ReportArguments Reports { get; } = new(startOption: "--client");

    public SandboxArguments Sandbox { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Client);
        command.Options.Add(ListenPort);
        Sandbox.AddTo(command);
        Reports.AddTo(command, parsed => parsed.GetValue(Client));
    }

    /// <summary>The grader's services as this command line asks: the client in a sandbox or not, then <paramref name="configure"/>'s changes.</summary>
    public Action<IServiceCollection> Configure(ParseResult parsed, Action<IServiceCollection>? configure) =>
        Sandbox.Configure(parsed, parsed.GetValue(Client), configure);

    /// <exception cref="ExerciseException">No --client, and no program of the student's to run.</exception>
    public ShellCommand Command(ParseResult parsed)
    {
        if (parsed.GetValue(Client) is { Length: > 0 } text)
        {
            return new ShellCommand(text);
        }
        var own = KitProject.Find(exercise.Project, "--port {port}")
            ?? throw new ExerciseException(Strings.FormatClientCommandNeeded(exercise.Key), ExitCodes.Usage);
        Console.WriteLine(Strings.FormatGradingOwnClient(own.Folder, own.Command));
        return new ShellCommand(own.Command);
    }

    public IPEndPoint Listen(ParseResult parsed) => new(IPAddress.Loopback, parsed.GetValue(ListenPort));

    // A client needs no start timeout of its own: the played server bounds each step of its run.
    public ProgramUnderTest Program(ParseResult parsed)
    {
        var command = Command(parsed);
        return new(command, Listen(parsed), TimeSpan.Zero) { SourceFolder = SourceFile.FolderOf(command.Text) };
    }
}
