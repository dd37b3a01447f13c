using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The grader knows only the wire: programs in Python, written as first examples usually are
/// (tests/Catalogue/Echo/python/), are graded like C# ones, and the report says what they do right and wrong.
/// </summary>
public sealed class OtherLanguageTests
{
    private static ShellCommand Python(string script) =>
        new($"python3 \"{Path.Combine(KitPrograms.PythonPrograms, script)}\"");

    [Fact]
    public async Task A_Python_server_that_serves_one_client_is_graded_on_everything_else_too()
    {
        // Given a Python server that echoes correctly but ends after its first client
        // When the grader starts it (and starts it again each time it ends)
        var report = await Grade.ServerAsync(EchoServer, Python("one_client_server.py"));

        // Then it fails only what serving one client breaks, and every echo check passes
        Assert.Equal(
            ["echo.concurrent-clients", "echo.second-client", "echo.survives-reset"],
            report.Ids(CheckStatus.Failed).Order());
        Assert.Equal(9, report.Passed);
        Assert.Contains(report.Notes, n => n.Contains("started it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Python_client_that_receives_once_fails_only_when_the_echo_comes_in_pieces()
    {
        var report = await Grade.EchoClientAsync(Python("one_recv_client.py"));

        Assert.Equal(["echo-client.reassembles-pieces"], report.Ids(CheckStatus.Failed));
        Assert.Equal(4, report.Passed);
    }
}
