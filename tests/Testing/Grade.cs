using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Sandbox;

namespace SocketExercises.Testing;

/// <summary>Grades a program the way the command line does, through the same container, and returns the report.</summary>
public static class Grade
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Starts the server with <paramref name="start"/> on a free port and grades it; with no command, grades whatever listens there.</summary>
    public static async Task<GradeReport> ServerAsync(string exercise, ShellCommand? start, GradingOptions? options = null)
    {
        await using var provider = GraderServices.Build(options ?? new GradingOptions { Seed = 42 });
        var request = new ServerGradingRequest(exercise, new IPEndPoint(IPAddress.Loopback, FreePort()), start, StartTimeout, []);
        return await provider.GetRequiredService<ServerGrader>().GradeAsync(request, (server, _) => server, CancellationToken.None);
    }

    /// <summary>
    /// Grades the server that <paramref name="start"/> runs in a container made as <paramref name="sandbox"/> says
    /// (<c>--sandbox docker</c>); an auth server gets <see cref="Password"/> and <see cref="LoginTimeout"/>.
    /// </summary>
    public static async Task<GradeReport> ServerInSandboxAsync(
        string exercise, SandboxOptions sandbox, ShellCommand start, CancellationToken cancellationToken = default)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42 }, services => services.AddSandbox(sandbox));
        var grading = provider.GetRequiredService<ExerciseGrading>();
        var endpoint = new IPEndPoint(IPAddress.Loopback, FreePort());
        return exercise == ServiceCollectionExtensions.AuthServer
            ? await grading.AuthServerAsync(endpoint, start, StartTimeout, Password, LoginTimeout, cancellationToken)
            : await grading.EchoServerAsync(endpoint, start, StartTimeout, cancellationToken);
    }

    /// <summary>Runs the echo client that <paramref name="client"/> starts in a container made as <paramref name="sandbox"/> says, and grades it.</summary>
    public static async Task<GradeReport> EchoClientInSandboxAsync(SandboxOptions sandbox, ShellCommand client)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42 }, services => services.AddSandbox(sandbox));
        return await provider.GetRequiredService<ExerciseGrading>().EchoClientAsync(
            client, new IPEndPoint(IPAddress.Loopback, 0), ExerciseGrading.DefaultMessage, CancellationToken.None);
    }

    /// <summary>Runs the echo client with <paramref name="client"/> against the grader and grades it.</summary>
    /// <param name="listenPort">The port the grader listens on; 0 for any free one.</param>
    public static async Task<GradeReport> EchoClientAsync(ShellCommand client, string message = ExerciseGrading.DefaultMessage, int listenPort = 0)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42 });
        return await provider.GetRequiredService<ExerciseGrading>().EchoClientAsync(
            client, new IPEndPoint(IPAddress.Loopback, listenPort), message, CancellationToken.None);
    }

    /// <summary>The password the tests give the auth programs: letters in both cases, as the grader's own are.</summary>
    public const string Password = "TajnaLozinkaKit";

    /// <summary>
    /// The login timeout the tests give auth servers: short enough for quick tests, long enough that a client
    /// kept waiting by it is told apart from one answered within the reply timeout.
    /// </summary>
    public static readonly TimeSpan LoginTimeout = TimeSpan.FromSeconds(3);

    /// <summary>Starts the authenticating server with <paramref name="start"/>, with <see cref="Password"/>, and grades it.</summary>
    /// <param name="start">Starts the server; null to grade the one listening on <paramref name="port"/>.</param>
    /// <param name="port">Where the server listens; a free port when null.</param>
    public static async Task<GradeReport> AuthServerAsync(ShellCommand? start, int? port = null)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42 });
        return await provider.GetRequiredService<ExerciseGrading>().AuthServerAsync(
            new IPEndPoint(IPAddress.Loopback, port ?? FreePort()), start, StartTimeout, Password, LoginTimeout, CancellationToken.None);
    }

    /// <summary>Runs the authenticating client with <paramref name="client"/>, giving it <see cref="Password"/>, and grades it.</summary>
    public static async Task<GradeReport> AuthClientAsync(ShellCommand client)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42, TotalTimeLimit = TimeSpan.FromSeconds(60) });
        return await provider.GetRequiredService<ExerciseGrading>().AuthClientAsync(
            client, new IPEndPoint(IPAddress.Loopback, 0), Password, CancellationToken.None);
    }

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
