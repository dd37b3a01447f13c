using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Running;

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

    /// <summary>Runs the client with <paramref name="client"/> against the grader and grades it.</summary>
    /// <param name="listenPort">The port the grader listens on; 0 for any free one.</param>
    public static async Task<GradeReport> ClientAsync(string exercise, ShellCommand client, string message = "Hello, world", int listenPort = 0)
    {
        await using var provider = GraderServices.Build(new GradingOptions { Seed = 42 });
        var request = new ClientGradingRequest(exercise, client, new IPEndPoint(IPAddress.Loopback, listenPort), []);
        var echo = provider.GetRequiredService<EchoPlay>();
        return await provider.GetRequiredService<ClientGrader>().GradeAsync(
            request, server => new EchoClientUnderTest(server, echo, message), CancellationToken.None);
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
