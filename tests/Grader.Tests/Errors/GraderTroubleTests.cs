using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Cli;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Errors;

/// <summary>
/// The grader's own trouble is never the student's failure: when it cannot start the program (no image, no
/// shell), every report says the checks could not be graded, and the command exits 2, not 1 with a zero.
/// </summary>
public sealed class GraderTroubleTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("socket-trouble-").FullName;

    [Fact]
    public async Task A_server_the_grader_cannot_start_is_not_graded_in_any_report_and_exits_2()
    {
        // Given a grader whose host cannot start programs, as when the sandbox's image is missing
        string json = Path.Combine(_folder, "report.json"), junit = Path.Combine(_folder, "report.xml"), gradescope = Path.Combine(_folder, "results.json");

        // When it grades a server it starts (on a free port: the default one may be another test's)
        int exit = await GraderCommandLine.Build(services => services.AddSingleton<IServerHost>(new CannotStart()))
            .Parse(["check", "echo-server", "--start", "true", "--port", $"{Grade.FreePort()}", "--lang", "en", "--json", json, "--junit", junit, "--gradescope", gradescope])
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);

        // Then it exits 2, and each report says the checks were not graded, never that they failed
        Assert.Equal(2, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var checks = report.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.All(checks, c => Assert.Equal("error", c.GetProperty("status").GetString()));
        Assert.Contains("image socket-exercises/none", checks[0].GetProperty("message").GetString());

        var suite = XDocument.Load(junit).Root!.Element("testsuite")!;
        Assert.Equal("12", suite.Attribute("errors")!.Value);
        Assert.Equal("0", suite.Attribute("failures")!.Value);
        Assert.All(suite.Elements("testcase"), c => Assert.NotNull(c.Element("error")));

        using var results = JsonDocument.Parse(await File.ReadAllTextAsync(gradescope, TestContext.Current.CancellationToken));
        Assert.All(results.RootElement.GetProperty("tests").EnumerateArray(),
            t => Assert.Contains("the teacher should look", t.GetProperty("output").GetString()));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class CannotStart : IServerHost
    {
        public bool SharesPorts => true;

        public string? Note => null;

        public Task<IServerProcess> RunAsync(ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, CancellationToken cancellationToken) =>
            throw new GraderEnvironmentException("The container could not be started from the image socket-exercises/none.");
    }
}
