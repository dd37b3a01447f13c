using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Hostile;

/// <summary>
/// A started server that stops listening soon after it started, and stays alive and silent: whatever the delay,
/// the grader ends within its bound with the whole report, on the console and in the JSON file.
/// </summary>
public sealed class StopsListeningTests
{
    [Theory]
    [InlineData("0.05")]
    [InlineData("0.25")]
    [InlineData("0.75")]
    public async Task A_server_that_stops_listening_gets_a_full_report(string delay)
    {
        string json = Path.Combine(Path.GetTempPath(), $"socket-stops-listening-{Guid.NewGuid():N}.json");
        try
        {
            string script = Path.Combine(KitPrograms.PythonPrograms, "stops_listening_server.py");
            int port = FreePort.On(System.Net.IPAddress.Loopback).Port;
            var run = await Executed.RunAsync(
                KitPrograms.Grader($"check echo-server --lang en --port {port} --json \"{json}\" --start \"python3 '{script}' {delay}\""), TimeSpan.FromSeconds(60));

            Assert.True(run.ExitCode == 1, $"exit {run.ExitCode}\n{run.Output}\n{run.Errors}");
            Assert.Matches(@"\d+ passed, \d+ failed", run.Output);
            Assert.Contains("\"checks\"", await File.ReadAllTextAsync(json));
        }
        finally
        {
            File.Delete(json);
        }
    }
}
