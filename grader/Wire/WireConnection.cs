using System.Buffers;
using System.Net.Sockets;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Wire;

/// <summary>
/// One of the grader's connections to a server. Every operation is bounded in time and size, and peer
/// behaviour (a close, a reset, a stall) comes back as a value, never as an exception a check must catch.
/// </summary>
public sealed class WireConnection : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly WireLimits _limits;
    private readonly TimeProvider _time;
    private readonly Transcript? _transcript;
    private readonly Patience? _patience;

    /// <param name="transcript">Where every exchange is written down; null to keep none.</param>
    /// <param name="patience">Learns from this connection how promptly the server replies; null to learn nothing.</param>
    /// <param name="accepted">Whether the grader accepted it, playing the server, rather than made it.</param>
    internal WireConnection(Socket socket, string label, WireLimits limits, TimeProvider time, Transcript? transcript, Patience? patience = null, bool accepted = false)
    {
        _socket = socket;
        Label = label;
        _limits = limits;
        _time = time;
        _transcript = transcript;
        _patience = patience;
        Record(accepted ? WireEventKind.Accepted : WireEventKind.Connected);
    }

    /// <summary>How long this connection waits and how much it reads.</summary>
    public WireLimits Limits => _limits;

    /// <summary>The connection's name in messages, such as "client 2".</summary>
    public string Label { get; }

    /// <summary>
    /// Sends all of <paramref name="data"/>; throws <see cref="WireException"/> if the server resets the
    /// connection or stops reading for longer than <see cref="WireLimits.SendTimeout"/>.
    /// </summary>
    public async Task SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        using var deadline = Deadline.After(_limits.SendTimeout, _time, cancellationToken);
        try
        {
            while (!data.IsEmpty)
            {
                int sent = await _socket.SendAsync(data, SocketFlags.None, deadline.Token);
                Record(WireEventKind.Sent, data.Span[..sent]);
                data = data[sent..];
            }
        }
        catch (SocketException e)
        {
            Record(WireEventKind.PeerReset);
            throw new WireException(Strings.FormatWireSendBroken(Sentences.Capitalized(Label), DescribeBreak(e)));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WireException(
                Strings.FormatWireSendStalled(Sentences.Capitalized(Label), Durations.Format(_limits.SendTimeout), Counted.Bytes(data.Length)));
        }
    }

    /// <summary>
    /// Sends all of <paramref name="data"/> if the peer still takes it; false if it has gone or stopped reading.
    /// For the grader playing a server: a client that left is judged by what it printed and how it exited.
    /// </summary>
    public async Task<bool> TrySendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(data, cancellationToken);
            return true;
        }
        catch (WireException)
        {
            return false;
        }
    }

    /// <summary>
    /// Receives exactly <paramref name="count"/> bytes, or fewer if the server closes, resets, or sends
    /// nothing more for <see cref="WireLimits.ReplyTimeout"/>.
    /// </summary>
    public Task<Received> ReceiveAsync(int count, CancellationToken cancellationToken) =>
        ReceiveAsync(count, stopAtLimit: true, _limits.ReplyTimeout, cancellationToken);

    /// <summary>Receives until nothing more arrives within <see cref="WireLimits.QuietPeriod"/>, the server closes, or the limit.</summary>
    public Task<Received> ReceiveWhileTalkingAsync(CancellationToken cancellationToken) =>
        ReceiveUntilEndAsync(_limits.QuietPeriod, _limits.MaxUnexpectedBytes, cancellationToken);

    /// <summary>
    /// Receives until the server closes or resets the connection, until nothing arrives for
    /// <paramref name="wait"/>, or until more than <paramref name="limit"/> bytes came.
    /// </summary>
    public Task<Received> ReceiveUntilEndAsync(TimeSpan wait, int limit, CancellationToken cancellationToken) =>
        ReceiveAsync(limit + 1, stopAtLimit: false, wait, cancellationToken);

    /// <summary>Waits up to <paramref name="wait"/> for one read's worth of data: whatever has arrived, up to <paramref name="limit"/> bytes.</summary>
    public async Task<Received> ReceiveSomeAsync(TimeSpan wait, int limit, CancellationToken cancellationToken)
    {
        // Borrowed: a check that reads line by line from a hundred members asks for 64 KiB a time and gets a few bytes.
        var buffer = ArrayPool<byte>.Shared.Rent(limit);
        using var deadline = Deadline.After(wait, _time, cancellationToken);
        long started = _time.GetTimestamp();
        try
        {
            int count = await _socket.ReceiveAsync(buffer.AsMemory(0, limit), SocketFlags.None, deadline.Token);
            Replied(wait, started, count);
            return Ended(new Received(buffer[..count], count == 0 ? ReceiveEnd.Closed : ReceiveEnd.Complete, wait), buffer.AsSpan(0, count));
        }
        catch (SocketException)
        {
            return Ended(new Received([], ReceiveEnd.Reset, wait));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(new Received([], ReceiveEnd.TimedOut, wait));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Shuts down the grader's sending side (a half-close): the server reads 0 bytes next.</summary>
    public void ShutdownSend()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Send);
            Record(WireEventKind.GraderShutdown);
        }
        catch (SocketException)
        {
            // Already broken by the server: the next receive reports how.
        }
    }

    /// <summary>Aborts the connection with a TCP reset (RST) instead of an orderly close.</summary>
    public void Reset()
    {
        _socket.LingerState = new LingerOption(true, 0);
        _socket.Close();
        Record(WireEventKind.GraderReset);
    }

    /// <summary>
    /// Reads and forgets, without writing them down, the bytes that have arrived and were not asked for: closing
    /// a socket with unread bytes sends a reset (RST), not an orderly close, and a check that meant to leave
    /// quietly must not test how the peer survives a reset.
    /// </summary>
    public void DiscardUnread()
    {
        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (_socket.Available > 0 && _socket.Receive(buffer, SocketFlags.None) > 0)
                {
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Broken or closed already: there is nothing left to read.
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }

    // With stopAtLimit the wait is for each next piece (a slow server that keeps answering is not failed);
    // without it, the wait is for the whole receive (a server that trickles bytes cannot stretch it).
    private async Task<Received> ReceiveAsync(int limit, bool stopAtLimit, TimeSpan wait, CancellationToken cancellationToken)
    {
        var buffer = new byte[limit];
        int received = 0;
        var deadline = Deadline.After(wait, _time, cancellationToken);
        try
        {
            while (received < limit)
            {
                long started = _time.GetTimestamp();
                int count = await _socket.ReceiveAsync(buffer.AsMemory(received), SocketFlags.None, deadline.Token);
                Replied(wait, started, count);
                if (count == 0)
                {
                    return Ended(new Received(buffer[..received], ReceiveEnd.Closed, wait));
                }
                Record(WireEventKind.Received, buffer.AsSpan(received, count));
                received += count;
                if (stopAtLimit)
                {
                    deadline.Dispose();
                    deadline = Deadline.After(wait, _time, cancellationToken);
                }
            }
            return new Received(buffer, stopAtLimit ? ReceiveEnd.Complete : ReceiveEnd.LimitReached, wait);
        }
        catch (SocketException)
        {
            return Ended(new Received(buffer[..received], ReceiveEnd.Reset, wait));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Ended(new Received(buffer[..received], ReceiveEnd.TimedOut, wait));
        }
        finally
        {
            deadline.Dispose();
        }
    }

    /// <summary>
    /// For a reader that waits for one reply over several receives (a line that comes in pieces): how that wait
    /// ended, for the grading's patience. Only a wait as long as the reply timeout teaches it anything.
    /// </summary>
    /// <param name="wait">How long the reader was prepared to wait.</param>
    /// <param name="answeredAfter">When the reply was complete; null when it never was.</param>
    public void ReplyWaitEnded(TimeSpan wait, TimeSpan? answeredAfter)
    {
        if (wait != _limits.ReplyTimeout)
        {
            return;
        }
        if (answeredAfter is { } after)
        {
            _patience?.Came(after);
        }
        else
        {
            _patience?.Stalled();
        }
    }

    // Only a wait for a reply teaches the patience: a shorter wait that ends in silence is how a check makes
    // sure that nothing more comes, and a longer one is a check's own (a login timeout).
    private void Replied(TimeSpan wait, long started, int count)
    {
        if (count > 0)
        {
            ReplyWaitEnded(wait, _time.GetElapsedTime(started));
        }
    }

    private void Record(WireEventKind kind, ReadOnlySpan<byte> data = default, string? text = null) =>
        _transcript?.Add(Label, kind, data, text);

    // Writes down how a receive ended, and any bytes it got that are not written down yet.
    private Received Ended(Received received, ReadOnlySpan<byte> unrecorded = default)
    {
        Record(WireEventKind.Received, unrecorded);
        switch (received.End)
        {
            case ReceiveEnd.Closed:
                Record(WireEventKind.PeerClosed);
                break;
            case ReceiveEnd.Reset:
                Record(WireEventKind.PeerReset);
                break;
            case ReceiveEnd.TimedOut:
                Record(WireEventKind.Silence, text: Durations.Format(received.Wait));
                ReplyWaitEnded(received.Wait, answeredAfter: null);
                break;
        }
        return received;
    }

    private static string DescribeBreak(SocketException e) => e.SocketErrorCode switch
    {
        SocketError.ConnectionReset => Strings.EndReset,
        SocketError.Shutdown or SocketError.ConnectionAborted => Strings.EndClosed,
        _ => Strings.FormatEndBroken(e.SocketErrorCode),
    };
}

/// <summary>A send that could not complete because of what the server did; checks report it as a failure.</summary>
public sealed class WireException(string message) : Exception(message);
