using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>
/// The client under test, with the grader as its echo server. Each <see cref="EchoStyle"/> is one run of the
/// client, made once and shared by the checks that judge it; runs take turns on the one listening socket,
/// so <c>--listen-port 65432</c> serves a client that knows no other port.
/// </summary>
public sealed class ClientUnderTest : IDisposable
{
    private const int PieceSize = 3;
    private static readonly TimeSpan PiecePause = TimeSpan.FromMilliseconds(50);

    private readonly Socket _listener;
    private readonly ShellCommand _command;
    private readonly ClientLimits _limits;
    private readonly WireLimits _wire;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly Dictionary<EchoStyle, Task<ClientSession>> _sessions = [];

    public ClientUnderTest(Socket listener, ShellCommand command, string expectedMessage, ClientLimits limits, WireLimits wire, TimeProvider time)
    {
        _listener = listener;
        _command = command;
        ExpectedMessage = expectedMessage;
        _limits = limits;
        _wire = wire;
        _time = time;
    }

    /// <summary>How long the grader waits for the client at each step.</summary>
    public ClientLimits Limits => _limits;

    /// <summary>The message the client is expected to send.</summary>
    public string ExpectedMessage { get; }

    public IPEndPoint Endpoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>The run of the client with the echo sent in <paramref name="style"/>, made on first request.</summary>
    public Task<ClientSession> SessionAsync(EchoStyle style, CancellationToken cancellationToken)
    {
        lock (_sessions)
        {
            if (!_sessions.TryGetValue(style, out var session))
            {
                // Not tied to one check's token: the run is shared, and bounded by its own limits.
                session = RunAsync(style, CancellationToken.None);
                _sessions[style] = session;
            }
            return session.WaitAsync(cancellationToken);
        }
    }

    public void Dispose()
    {
        _listener.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task<ClientSession> RunAsync(EchoStyle style, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            RunningProcess client;
            try
            {
                client = RunningProcess.Start(_command.ToStartInfo(Endpoint));
            }
            catch (ProcessStartException e)
            {
                return new ClientSession(false, e.Message, [], 0, false, null, "", "");
            }
            await using (client)
            {
                return await TalkAsync(client, style, cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<ClientSession> TalkAsync(RunningProcess client, EchoStyle style, CancellationToken cancellationToken)
    {
        using var connecting = Deadline.After(_limits.ConnectTimeout, _time, cancellationToken);
        var accept = _listener.AcceptAsync(connecting.Token).AsTask();
        await Task.WhenAny(accept, client.Exited(connecting.Token));
        if (!accept.IsCompletedSuccessfully)
        {
            connecting.Cancel();
            await AbandonAsync(accept);
            bool gone = client.HasExited;
            string problem = gone
                ? $"The client exited with code {client.ExitCode} without connecting to {Endpoint}."
                : $"The client did not connect to {Endpoint} within {Durations.Format(_limits.ConnectTimeout)}.";
            if (gone)
            {
                await client.WaitForExitAsync(_limits.ExitTimeout, cancellationToken); // let its last output be read
            }
            return new ClientSession(false, problem, [], 0, gone, gone ? client.ExitCode : null, client.Output, client.Errors);
        }

        await using var connection = new WireConnection(accept.Result, "the grader", _wire, _time);
        var (request, clientClosed) = await ReceiveMessageAsync(connection, cancellationToken);
        int pieces = style == EchoStyle.AtOnce ? 1 : (request.Length + PieceSize - 1) / PieceSize;
        await EchoAsync(connection, request, style, cancellationToken);

        // From the echo on, the client has a fixed time to finish and exit. The connection stays open
        // meanwhile, as a real echo server keeps it until the client closes: a client that waits for
        // the server to close first would wait forever, and is caught here.
        var exit = client.WaitForExitAsync(_limits.ExitTimeout, cancellationToken);
        if (clientClosed || await EchoUntilClientClosesAsync(connection, exit, cancellationToken))
        {
            connection.ShutdownSend(); // the client has finished: close our side, as the protocol's server does
        }
        bool exited = await exit;
        return new ClientSession(true, null, request, pieces, exited, exited ? client.ExitCode : null, client.Output, client.Errors);
    }

    // A pending accept must end before the next run accepts on the same listener; a connection that
    // slipped in at the last moment belongs to no run and is closed.
    private static async Task AbandonAsync(Task<Socket> accept)
    {
        try
        {
            (await accept).Dispose();
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The accept was cancelled, as intended.
        }
    }

    // The client's message: what it sends until it pauses, closes its side, or has sent the most we read.
    private async Task<(byte[] Message, bool ClientClosed)> ReceiveMessageAsync(WireConnection connection, CancellationToken cancellationToken)
    {
        var first = await connection.ReceiveSomeAsync(_limits.MessageTimeout, _wire.MaxUnexpectedBytes, cancellationToken);
        if (first.Data.Length == 0)
        {
            return ([], first.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
        }
        var rest = await connection.ReceiveWhileTalkingAsync(cancellationToken);
        return ([.. first.Data, .. rest.Data], rest.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
    }

    private async Task EchoAsync(WireConnection connection, byte[] request, EchoStyle style, CancellationToken cancellationToken)
    {
        try
        {
            if (style == EchoStyle.AtOnce)
            {
                await connection.SendAsync(request, cancellationToken);
                return;
            }
            bool first = true;
            foreach (var piece in request.Chunk(PieceSize))
            {
                if (!first)
                {
                    await Task.Delay(PiecePause, _time, cancellationToken);
                }
                await connection.SendAsync(piece, cancellationToken);
                first = false;
            }
        }
        catch (WireException)
        {
            // The client left before the whole echo was sent: the checks see what it printed.
        }
    }

    // Go on as an echo server would, for a client that sends more, until it closes or its time is up.
    // Returns whether the client closed its side.
    private async Task<bool> EchoUntilClientClosesAsync(WireConnection connection, Task exit, CancellationToken cancellationToken)
    {
        while (!exit.IsCompleted)
        {
            var more = await connection.ReceiveSomeAsync(_limits.ExitTimeout, _wire.MaxUnexpectedBytes, cancellationToken);
            if (more.Data.Length == 0)
            {
                return more.End == ReceiveEnd.Closed;
            }
            try
            {
                await connection.SendAsync(more.Data, cancellationToken);
            }
            catch (WireException)
            {
                return false;
            }
        }
        return false;
    }
}

/// <summary>How long the grader waits for a client under test at each step.</summary>
public sealed record ClientLimits
{
    /// <summary>From starting the client to its connection (covers a <c>dotnet run</c> build).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>From the connection to the first byte of the client's message.</summary>
    public TimeSpan MessageTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>From the echo to the client's exit.</summary>
    public TimeSpan ExitTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
