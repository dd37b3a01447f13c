using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>How the grader, playing the echo server, sends the echo back.</summary>
public enum EchoStyle
{
    /// <summary>All at once, as soon as the client's message has arrived.</summary>
    AtOnce,

    /// <summary>In small pieces with pauses, as a slow network would deliver it.</summary>
    InPieces,
}

/// <summary>The echo server's part, as the grader plays it to a client: for the echo client and every client that echoes after something else.</summary>
public sealed class EchoPlay(PlayedServer server)
{
    public const int PieceSize = 3;
    public static readonly TimeSpan PiecePause = TimeSpan.FromMilliseconds(50);

    // At most this many pieces, bigger ones for a long message: a client that sent 64 KiB instead of its message
    // would otherwise keep the grader echoing 3 bytes at a time for 18 minutes.
    public const int MaxPieces = 32;

    /// <summary>The client's message: what it sends until it pauses, closes its side, or has sent the most the grader reads.</summary>
    public async Task<(byte[] Message, bool ClientClosed)> ReceiveMessageAsync(WireConnection connection, CancellationToken cancellationToken)
    {
        var first = await connection.ReceiveSomeAsync(server.Limits.MessageTimeout, server.Wire.MaxUnexpectedBytes, cancellationToken);
        if (first.Data.Length == 0)
        {
            return ([], first.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
        }
        var rest = await connection.ReceiveWhileTalkingAsync(cancellationToken);
        return ([.. first.Data, .. rest.Data], rest.End is ReceiveEnd.Closed or ReceiveEnd.Reset);
    }

    /// <summary>Sends <paramref name="data"/> back, at once or in pieces; returns how many pieces it was cut into.</summary>
    public async Task<int> SendAsync(WireConnection connection, byte[] data, EchoStyle style, CancellationToken cancellationToken)
    {
        var pieces = style == EchoStyle.AtOnce ? [data] : data.Chunk(Math.Max(PieceSize, (data.Length + MaxPieces - 1) / MaxPieces)).ToArray();
        try
        {
            for (int i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(PiecePause, server.Time, cancellationToken);
                }
                await connection.SendAsync(pieces[i], cancellationToken);
            }
        }
        catch (WireException)
        {
            // The client left before all of it was sent: the checks see what it printed.
        }
        return pieces.Length;
    }

    /// <summary>
    /// After the exchange, go on as an echo server would for a client that sends more, until it closes its side
    /// or exits (<see cref="ServeOn"/>). Returns whether the client closed its side.
    /// </summary>
    public static async Task<bool> EchoUntilClientClosesAsync(PlayedServer server, WireConnection connection, Task exited, CancellationToken cancellationToken)
    {
        while (!exited.IsCompleted)
        {
            var more = await UntilExitAsync(token => connection.ReceiveSomeAsync(server.Limits.ExitTimeout, server.Wire.MaxUnexpectedBytes, token), exited, cancellationToken);
            if (more is not { Data.Length: > 0 })
            {
                return more?.End == ReceiveEnd.Closed;
            }
            if (!await UntilExitAsync(token => connection.TrySendAsync(more.Data, token), exited, cancellationToken))
            {
                return false;
            }
        }
        return false;
    }

    // Waiting for more, and sending an echo to a client that may not read it, both end when the wait for the
    // client's exit does: that wait is the one the grading shortens for a client that has shown it does not exit.
    // The default (null, false) means the exit wait ended first.
    private static async Task<T?> UntilExitAsync<T>(Func<CancellationToken, Task<T>> step, Task exited, CancellationToken cancellationToken)
    {
        using var untilExit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stepping = step(untilExit.Token);
        if (await Task.WhenAny(stepping, exited) == stepping)
        {
            return await stepping;
        }
        await untilExit.CancelAsync();
        try
        {
            await stepping;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Ended by the exit wait, as asked.
        }
        return default;
    }
}
