using System.Net;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>The exercise programs as a student runs them: clear errors, exit codes, and a clean stop.</summary>
public sealed class ExerciseProgramTests
{
    [Theory]
    [InlineData("solutions/01-echo/EchoServer", "--port nine", "--port must be a port number")]
    [InlineData("solutions/01-echo/EchoClient", "--timeout soon", "--timeout must be a number of seconds")]
    [InlineData("solutions/01-echo/EchoServer", "--no-such-flag", "Unrecognized command or argument '--no-such-flag'")]
    [InlineData("solutions/02-auth/AuthServer", "--port 65432", "No password: set SOCKET_PASSWORD or give --password")]
    [InlineData("solutions/02-auth/AuthClient", "", "No password: set SOCKET_PASSWORD or give --password")]
    public async Task Exits_2_with_one_clear_line_for_a_usage_error(string program, string arguments, string message)
    {
        var run = await Executed.RunAsync(KitPrograms.Project(program, arguments), Password(""));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Errors);
        Assert.DoesNotContain("   at ", run.Errors);
    }

    [StarterTheory]
    [InlineData("exercises/01-echo/EchoServer")]
    [InlineData("exercises/01-echo/EchoClient")]
    [InlineData("exercises/02-auth/AuthServer")]
    [InlineData("exercises/02-auth/AuthClient")]
    public async Task An_unfinished_starter_says_which_TODO_is_next_and_exits_3(string starter)
    {
        var run = await Executed.RunAsync(KitPrograms.Project(starter, $"--port {Grade.FreePort()}"), Password("x"));

        Assert.Equal(3, run.ExitCode);
        Assert.Matches(@"TODO \d is not done yet: .+\. Open Program\.cs and follow the numbered TODOs\.", run.Errors);
    }

    [Fact]
    public async Task A_client_with_no_server_to_talk_to_says_so()
    {
        var run = await Executed.RunAsync(KitPrograms.Project("solutions/01-echo/EchoClient", $"--port {Grade.FreePort()}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Nothing is listening there: start the server first", run.Errors);
    }

    [Fact]
    public async Task A_server_whose_port_is_taken_says_so()
    {
        using var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await Executed.RunAsync(KitPrograms.Project("solutions/01-echo/EchoServer", $"--port {port}"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The port is already in use", run.Errors);
    }

    [Theory]
    [InlineData("solutions/01-echo/EchoServer")]
    [InlineData("solutions/02-auth/AuthServer")]
    public async Task A_reference_server_stops_cleanly_on_SIGTERM(string program)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is a Unix signal
        }
        // Given a running server
        var endpoint = new IPEndPoint(IPAddress.Loopback, Grade.FreePort());
        var command = new ShellCommand($"exec {KitPrograms.Project(program, $"--port {endpoint.Port}").Text}");
        await using var server = RunningProcess.Start(command.ToStartInfo([Password("x")]));
        await Eventually.TrueAsync(() => ListeningPorts.Contains(endpoint), "the server to listen");

        // When it is told to stop
        using (var kill = System.Diagnostics.Process.Start("kill", ["-TERM", server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        // Then it says so and exits with 0
        Assert.True(await server.WaitForExitAsync(TimeSpan.FromSeconds(10), CancellationToken.None), server.Tail());
        Assert.Equal(0, server.ExitCode);
        Assert.Contains("stopped", server.Output);
    }

    private static ProgramSetting Password(string value) => Grader.Exercises.Auth.Server.AuthServerTarget.PasswordSetting(value);
}
