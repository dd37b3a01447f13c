using System.Net;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Starts the server under test (<c>--start</c>) and waits until it listens. It watches the system's table of
/// listening ports rather than connecting, so a server that serves only one client has not spent it on the wait.
/// </summary>
public sealed class ServerLauncher(TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <exception cref="PortInUseException">Something already listens on the port before the server starts.</exception>
    /// <exception cref="ServerStartException">The server exited, or did not listen in time.</exception>
    /// <param name="command">Starts the server.</param>
    /// <param name="endpoint">Where it must listen; handed to it as {host}/{port} and SOCKET_HOST/SOCKET_PORT.</param>
    /// <param name="settings">More to hand it, such as its password.</param>
    /// <param name="startTimeout">How long it may take to listen.</param>
    /// <param name="cancellationToken">Interrupts the wait.</param>
    public async Task<RunningProcess> StartAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        if (ListeningPorts.Contains(endpoint))
        {
            throw new PortInUseException(
                string.Format(Strings.PortInUseBeforeStart, endpoint.Port));
        }

        var server = RunningProcess.Start(command.ToStartInfo([.. ProgramSetting.For(endpoint), .. settings]));
        try
        {
            long started = time.GetTimestamp();
            var exited = server.Exited(cancellationToken);
            while (!ListeningPorts.Contains(endpoint))
            {
                if (exited.IsCompleted)
                {
                    await server.WaitForExitAsync(TimeSpan.FromSeconds(1), cancellationToken); // its last output
                    throw new ServerStartException(
                        string.Format(Strings.ServerExitedBeforeListening, server.ExitCode, endpoint.Port) + LastOutput(server) + ClosingConnections(endpoint),
                        server.ExitCode,
                        server.Output + server.Errors);
                }
                if (time.GetElapsedTime(started) > startTimeout)
                {
                    throw new ServerStartException(
                        string.Format(Strings.ServerDidNotListen, endpoint.Port, Durations.Format(startTimeout)) + LastOutput(server),
                        output: server.Output + server.Errors);
                }
                // Wake on the process's exit at once; otherwise look at the listening ports again shortly.
                await Task.WhenAny(exited, Task.Delay(PollInterval, time, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    // The usual reason a server that ran a moment ago cannot bind its port now.
    private static string ClosingConnections(IPEndPoint endpoint) => ListeningPorts.HasClosingConnections(endpoint.Port)
        ? "\n" + string.Format(Strings.PortTimeWait, endpoint.Port)
        : "";

    private static string LastOutput(RunningProcess server) =>
        "\n" + (server.Tail() is { Length: > 0 } tail ? Strings.LastOutput + "\n" + tail : Strings.PrintedNothing);
}

/// <summary>The server under test did not start: it exited first, or never listened.</summary>
/// <param name="message">What happened, with the server's last output.</param>
/// <param name="exitCode">Its exit code, if it exited.</param>
/// <param name="output">What it printed.</param>
public sealed class ServerStartException(string message, int? exitCode = null, string output = "") : Exception(message)
{
    public int? ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}

/// <summary>The port was taken before grading began: the grade would be meaningless, so grading does not start.</summary>
public sealed class PortInUseException(string message) : Exception(message);
