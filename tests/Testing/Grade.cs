using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Exercises.Auth.Client;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Challenge.Client;
using SocketExercises.Grader.Exercises.Challenge.Server;
using SocketExercises.Grader.Exercises.Echo.Client;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Sandbox;

namespace SocketExercises.Testing;

/// <summary>Grades a program the way the command line does, through the same container, and returns the report.</summary>
public static class Grade
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The password the tests give the auth programs: letters in both cases, as the grader's own are.</summary>
    public const string Password = "TajnaLozinkaKit";

    /// <summary>
    /// The login timeout the tests give auth servers: short enough for quick tests, long enough that a client
    /// kept waiting by it is told apart from one answered within the reply timeout.
    /// </summary>
    public static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Grades the program of <paramref name="exercise"/> that <paramref name="command"/> starts or runs; a server
    /// with no command is graded where it listens on <paramref name="port"/> (a free port when null).
    /// </summary>
    /// <param name="arguments">The exercise's options; the tests' own (<see cref="ArgumentsFor"/>) when null.</param>
    /// <param name="source">The folder of the code the grading reviews; the kit program's own when null.</param>
    public static async Task<GradeReport> ProgramAsync(
        Exercise exercise,
        ShellCommand? command,
        GradingOptions? options = null,
        int? port = null,
        ExerciseArguments? arguments = null,
        Action<IServiceCollection>? configure = null,
        string? source = null,
        CancellationToken cancellationToken = default)
    {
        await using var provider = GraderServices.Build(options ?? Options(), configure);
        var endpoint = new IPEndPoint(IPAddress.Loopback, port ?? (exercise.Role == ProgramRole.Server ? FreePort() : 0));
        // A kit program's code is reviewed as the command line reviews a student's: from its project folder.
        var program = new ProgramUnderTest(command, endpoint, StartTimeout) { SourceFolder = source ?? KitPrograms.SourceOf(command) };
        return await provider.GetRequiredService<ExerciseGrader>().GradeAsync(
            exercise, program, arguments ?? ArgumentsFor(exercise, command is not null), cancellationToken);
    }

    /// <summary>
    /// The options the tests grade with: each option's default, but the password exercise's programs get
    /// <see cref="Password"/> and <see cref="LoginTimeout"/>, so that the tests can say what to expect.
    /// </summary>
    public static ExerciseArguments ArgumentsFor(Exercise exercise, bool graderRunsProgram)
    {
        var arguments = ExerciseArguments.Defaults(graderRunsProgram);
        return exercise switch
        {
            AuthServerExercise or ChallengeServerExercise => arguments.With(AuthServerExercise.Password, Password).With(AuthServerExercise.LoginTimeout, LoginTimeout.TotalSeconds),
            AuthClientExercise or ChallengeClientExercise => arguments.With(AuthClientExercise.Password, Password),
            _ => arguments,
        };
    }

    /// <summary>Starts the server with <paramref name="start"/> on a free port and grades it; with no command, grades whatever listens there.</summary>
    public static Task<GradeReport> ServerAsync(Exercise exercise, ShellCommand? start, GradingOptions? options = null) =>
        ProgramAsync(exercise, start, options);

    /// <summary>
    /// Grades the server that <paramref name="start"/> runs in a container made as <paramref name="sandbox"/> says
    /// (<c>--sandbox docker</c>); an auth server gets <see cref="Password"/> and <see cref="LoginTimeout"/>.
    /// </summary>
    public static Task<GradeReport> ServerInSandboxAsync(
        Exercise exercise, SandboxOptions sandbox, ShellCommand start, CancellationToken cancellationToken = default) =>
        ProgramAsync(exercise, start, configure: services => services.AddSandbox(sandbox), cancellationToken: cancellationToken);

    /// <summary>Runs the echo client that <paramref name="client"/> starts in a container made as <paramref name="sandbox"/> says, and grades it.</summary>
    public static Task<GradeReport> EchoClientInSandboxAsync(SandboxOptions sandbox, ShellCommand client) =>
        ClientInSandboxAsync(Kit.EchoClient, sandbox, client);

    /// <summary>Runs the client of <paramref name="exercise"/> that <paramref name="client"/> starts in a container made as <paramref name="sandbox"/> says, and grades it.</summary>
    public static Task<GradeReport> ClientInSandboxAsync(Exercise exercise, SandboxOptions sandbox, ShellCommand client) =>
        ProgramAsync(exercise, client, configure: services => services.AddSandbox(sandbox));

    /// <summary>Runs the echo client with <paramref name="client"/> against the grader and grades it.</summary>
    /// <param name="listenPort">The port the grader listens on; 0 for any free one.</param>
    public static Task<GradeReport> EchoClientAsync(ShellCommand client, string message = EchoClientExercise.DefaultMessage, int listenPort = 0) =>
        ProgramAsync(Kit.EchoClient, client, port: listenPort, arguments: ExerciseArguments.Defaults(true).With(EchoClientExercise.Message, message));

    /// <summary>Starts the authenticating server with <paramref name="start"/>, with <see cref="Password"/>, and grades it.</summary>
    /// <param name="start">Starts the server; null to grade the one listening on <paramref name="port"/>.</param>
    /// <param name="port">Where the server listens; a free port when null.</param>
    public static Task<GradeReport> AuthServerAsync(ShellCommand? start, int? port = null) =>
        ProgramAsync(Kit.AuthServer, start, port: port);

    /// <summary>Runs the authenticating client with <paramref name="client"/>, giving it <see cref="Password"/>, and grades it.</summary>
    public static Task<GradeReport> AuthClientAsync(ShellCommand client) =>
        ProgramAsync(Kit.AuthClient, client);

    /// <summary>The options the tests grade with: seed 42, and the kit's default points.</summary>
    public static GradingOptions Options() => new() { Seed = 42, Points = Exercise.DefaultPointsOf(KitExercises.All) };

    /// <summary>A port that was free a moment ago: the operating system picks it.</summary>
    public static int FreePort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    /// <summary>The ids of the checks with <paramref name="status"/>, for assertions that read as a list.</summary>
    public static string[] Ids(this GradeReport report, CheckStatus status) =>
        [.. report.Results.Where(r => r.Status == status).Select(r => r.Info.Id)];

    /// <summary>The report as a student would read it, for assertion messages.</summary>
    public static string Describe(this GradeReport report)
    {
        using var text = new StringWriter();
        new Grader.Reports.ConsoleReport().Write(report, text);
        return text.ToString();
    }
}
