using System.Text.Json;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>The command line is a contract scripts and CI call: these run it as they do, as a process.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public async Task Exits_0_and_writes_a_json_report_when_every_check_passes()
    {
        string json = Path.Combine(Path.GetTempPath(), $"grade-{Guid.NewGuid():N}", "report.json");
        int port = Grade.FreePort();

        var run = await Executed.RunAsync(KitPrograms.Grader(
            $"check echo-server --port {port} --start '{KitPrograms.SolutionEchoServer}' --json '{json}' --seed 7"));

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.EndsWith("12 passed, 0 failed", run.Output.TrimEnd());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal(7, report.RootElement.GetProperty("seed").GetInt32());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal(12, checks.GetArrayLength());
        Assert.All(checks.EnumerateArray(), c => Assert.Equal("passed", c.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Exits_1_and_reports_an_unreachable_server_once()
    {
        var run = await Executed.RunAsync(KitPrograms.Grader($"check echo-server --port {Grade.FreePort()}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Output.Split('\n'), line => line.TrimStart().StartsWith("FAIL", StringComparison.Ordinal));
        Assert.EndsWith("0 passed, 1 failed, 11 skipped", run.Output.TrimEnd());
    }

    [Theory]
    [InlineData("check echo-server --port nine", "--port must be a port number")]
    [InlineData("check echo-server --no-such-flag", "Unrecognized command or argument '--no-such-flag'")]
    [InlineData("check echo-server --start-timeout -1 --start true", "--start-timeout must be a number of seconds")]
    [InlineData("check no-such-exercise", "Unrecognized command or argument 'no-such-exercise'")]
    [InlineData("check auth-server --port 65432", "--password is needed to grade a running server")]
    [InlineData("check echo-server --sandbox docker --port 65432", "--sandbox runs a server the grader starts")]
    [InlineData("check echo-server --sandbox podman --start true", "Argument 'podman' not recognized")]
    [InlineData("check echo-client --sandbox docker --submission /no/such/folder --client true", "/no/such/folder given with --submission does not exist")]
    [InlineData("check echo-server --sandbox docker --start 'dotnet run --project solutions/01-echo/EchoServer'", "dotnet build solutions/01-echo/EchoServer -o")]
    public async Task Exits_2_with_a_clear_message_for_a_usage_error(string arguments, string message)
    {
        var run = await Executed.RunAsync(KitPrograms.Grader(arguments));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Errors);
        Assert.DoesNotContain("   at ", run.Errors); // no stack trace
    }

    [Fact]
    public async Task Outside_the_kit_a_client_without_its_command_is_a_usage_error()
    {
        var run = await Executed.RunAsync(new ShellCommand($"cd / && {KitPrograms.Grader("check echo-client").Text}"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("echo-client needs the client's command: --client", run.Errors);
    }

    [StarterFact]
    public async Task Inside_the_kit_check_with_no_program_grades_the_students_own_and_says_so()
    {
        // Given the kit, its starters unfinished; when a student grades the echo server with no options
        var run = await Executed.RunAsync(KitPrograms.Grader("check echo-server"), TimeSpan.FromMinutes(2));

        // Then the first line says what was graded and how to grade something else, and the report shows the starter's TODO
        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"^Grading your .*exercises/01-echo/EchoServer, started with: dotnet run --project \S*exercises/01-echo/EchoServer\n", run.Output);
        Assert.Contains("--port; for another program, --start", run.Output);
        Assert.Contains("TODO 1", run.Output);
    }

    [Fact]
    public async Task List_prints_each_check_with_its_requirement_and_points_and_grades_nothing()
    {
        var run = await Executed.RunAsync(KitPrograms.Grader("check echo-server --list"));

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.Equal(12, lines.Length);
        Assert.Matches(@"^echo\.large-payload\s+§\d+\s+2\s+\S", lines.Single(l => l.StartsWith("echo.large-payload", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Only_runs_the_checks_asked_for_and_the_first_check_which_they_need()
    {
        int port = Grade.FreePort();

        var run = await Executed.RunAsync(KitPrograms.Grader(
            $"check echo-server --port {port} --start '{KitPrograms.SolutionEchoServer}' --only 'echo.utf8-*' --only echo.nothing-extra"));

        Assert.True(run.ExitCode == 0, run.Output + run.Errors);
        Assert.EndsWith("3 passed, 0 failed", run.Output.TrimEnd());
        Assert.Contains("Also ran echo.accepts-connection", run.Output);
        Assert.DoesNotContain("echo.large-payload", run.Output);
    }

    [Fact]
    public async Task Only_with_a_check_the_exercise_does_not_have_lists_the_ones_it_has()
    {
        var run = await Executed.RunAsync(KitPrograms.Grader($"check echo-server --port {Grade.FreePort()} --only echo.no-such-check"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--only echo.no-such-check: echo-server has no such check. Its checks are:", run.Errors);
        Assert.Contains("echo.survives-reset", run.Errors);
    }

    [Fact]
    public async Task Exits_2_without_starting_the_server_when_its_port_is_taken()
    {
        // Given something already listens on the port
        using var taken = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        int port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;

        var run = await Executed.RunAsync(KitPrograms.Grader($"check echo-server --port {port} --start 'echo started; sleep 30'"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Port {port} is already in use", run.Errors);
        Assert.DoesNotContain("started", run.Output);
    }

    [Fact]
    public async Task Fails_fast_with_the_servers_output_when_the_server_exits_before_listening()
    {
        var run = await Executed.RunAsync(KitPrograms.Grader(
            $"check echo-server --port {Grade.FreePort()} --start 'echo cannot find server.py >&2; exit 4'"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The server exited with code 4 before it listened", run.Output);
        Assert.Contains("cannot find server.py", run.Output);
    }

    [Fact]
    public async Task Stops_the_started_server_when_grading_is_interrupted()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a Unix signal
        }
        // Given the grader grading a server that never answers
        var endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Grade.FreePort());
        var grading = KitPrograms.Grader($"check echo-server --port {endpoint.Port} --start '{KitPrograms.CatalogueServer("silent")}'");
        await using var grader = RunningProcess.Start(new ShellCommand("exec " + grading.Text).ToStartInfo(settings: null));
        await Eventually.TrueAsync(() => ListeningPorts.Contains(endpoint), "the server to listen");

        // When the grader is told to stop
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", grader.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // Then it says so, exits with 130, and the server it started is gone
        Assert.True(await grader.WaitForExitAsync(TimeSpan.FromSeconds(10), CancellationToken.None), grader.Tail());
        Assert.Equal(130, grader.ExitCode);
        Assert.Contains("Grading interrupted.", grader.Errors);
        await Eventually.TrueAsync(() => !ListeningPorts.Contains(endpoint), "the server to be stopped");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("check echo-server --help")]
    [InlineData("check echo-client --help")]
    [InlineData("check auth-server --help")]
    [InlineData("check auth-client --help")]
    public async Task Explains_every_command_with_help(string arguments)
    {
        var run = await Executed.RunAsync(KitPrograms.Grader(arguments));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output);
        if (arguments.StartsWith("check", StringComparison.Ordinal))
        {
            Assert.Contains("Examples:", run.Output);
        }
    }
}
