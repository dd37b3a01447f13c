using System.Net;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Starts the server under test (<c>--start</c>) on its host and waits until it listens. It watches the table of
/// listening ports rather than connecting, so a server that serves only one client has not spent it on the wait.
/// </summary>
public sealed class ServerLauncher(IServerHost host, TimeProvider time)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ElsewhereFor = TimeSpan.FromMilliseconds(250);

    /// <summary>Where the servers run.</summary>
    public IServerHost Host => host;

    /// <param name="command">Starts the server.</param>
    /// <param name="endpoint">Where it must listen; handed to it as {host}/{port} and SOCKET_HOST/SOCKET_PORT.</param>
    /// <param name="settings">More to hand it, such as its password.</param>
    /// <param name="startTimeout">How long it may take to listen.</param>
    /// <param name="cancellationToken">Interrupts the wait.</param>
    public async Task<IServerProcess> StartAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, TimeSpan startTimeout, CancellationToken cancellationToken) =>
        (await StartTimedAsync(command, endpoint, settings, startTimeout, cancellationToken)).Server;

    /// <summary>
    /// Starts the server as <see cref="StartAsync"/> does, and says how long it ran its own code (its build not
    /// counted) before it listened: time its grading has spent.
    /// </summary>
    public async Task<(IServerProcess Server, TimeSpan OwnTime)> StartTimedAsync(
        ShellCommand command, IPEndPoint endpoint, IReadOnlyList<ProgramSetting> settings, TimeSpan startTimeout, CancellationToken cancellationToken)
    {
        if (host.SharesPorts && ListeningPorts.Contains(endpoint))
        {
            throw new PortInUseException(Strings.FormatPortInUseBeforeStart(endpoint.Port));
        }

        var server = await host.RunAsync(command, endpoint, settings, cancellationToken);
        try
        {
            long started = time.GetTimestamp();
            var exited = server.Exited(cancellationToken);
            long? elsewhereSince = null;
            var idleness = new Idleness(server, time);
            var ownTime = new OwnTime(server, time);
            while (!await server.IsListeningAsync(cancellationToken))
            {
                if (exited.IsCompleted)
                {
                    await server.WaitForExitAsync(TimeSpan.FromSeconds(1), cancellationToken); // its last output
                    string why = await server.ExitReasonAsync(cancellationToken) is { } reason ? " " + reason : "";
                    throw new ServerStartException(
                        Strings.FormatServerExitedBeforeListening(server.ExitCode, endpoint.Port) + why + LastOutput(server) + ClosingConnections(endpoint, server.Output + server.Errors),
                        server.ExitCode,
                        server.Output + server.Errors);
                }
                if (time.GetElapsedTime(started) > startTimeout)
                {
                    throw new ServerStartException(
                        Strings.FormatServerDidNotListen(endpoint.Port, Durations.Format(startTimeout), "{port}") + LastOutput(server),
                        output: server.Output + server.Errors);
                }
                // Running its own code for seconds and still not listening: busy with something else (a loop before
                // the listening socket, a port it never binds). A build before it is not counted.
                if (ownTime.Elapsed() > OwnTime.StartLimit)
                {
                    throw new ServerStartException(
                        Strings.FormatServerBusyNotListening(endpoint.Port, Durations.Format(OwnTime.StartLimit), "{port}") + LastOutput(server),
                        output: server.Output + server.Errors);
                }
                // Listening, but not where it was told to (a port written in the code): waiting longer changes nothing.
                // Seen for a moment first, so that a socket opened briefly on the way to the right one is not taken for it.
                var elsewhere = (await server.ListeningEndpointsAsync(cancellationToken)).Where(e => !ListeningPorts.Serves(e, endpoint)).ToList();
                elsewhereSince = elsewhere.Count == 0 ? null : elsewhereSince ?? time.GetTimestamp();
                if (elsewhereSince is { } since && time.GetElapsedTime(since) >= ElsewhereFor)
                {
                    throw new ServerStartException(
                        Strings.FormatServerListensElsewhere(string.Join(", ", elsewhere), endpoint, "{host}", "{port}") + LastOutput(server),
                        output: server.Output + server.Errors);
                }
                // Listening nowhere and doing nothing (it stopped listening, or reads input it is not given): no start
                // timeout's worth of waiting changes that.
                if (idleness.Idle() && elsewhere.Count == 0)
                {
                    throw new ServerStartException(
                        Strings.FormatServerIdleNotListening(endpoint.Port, Durations.Format(Idleness.Limit)) + LastOutput(server),
                        output: server.Output + server.Errors);
                }
                // Wake on the process's exit at once; otherwise look at the listening ports again shortly.
                await Task.WhenAny(exited, Task.Delay(PollInterval, time, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
            }
            return (server, ownTime.Elapsed());
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    // The usual reason a server that ran a moment ago cannot bind its port now, said only when the server's own
    // words point there: a server that exited for another reason (a TODO not done, a crash) is not sent after sockets.
    private string ClosingConnections(IPEndPoint endpoint, string output) =>
        SaysAddressInUse(output) && host.SharesPorts && ListeningPorts.HasClosingConnections(endpoint.Port)
            ? "\n" + Strings.FormatPortTimeWait(endpoint.Port)
            : "";

    /// <summary>Whether a program's output says it could not bind because the address is in use, in any language's words.</summary>
    internal static bool SaysAddressInUse(string output) =>
        output.Contains("already in use", StringComparison.OrdinalIgnoreCase) // Python, Java, .NET, C, the kit's own programs
        || output.Contains("EADDRINUSE", StringComparison.OrdinalIgnoreCase) // Node, Go's syscall names
        || output.Contains("AddressAlreadyInUse", StringComparison.OrdinalIgnoreCase); // .NET's SocketError

    private static string LastOutput(IServerProcess server) =>
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
