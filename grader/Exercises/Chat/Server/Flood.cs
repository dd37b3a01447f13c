using System.Globalization;
using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>What came of a flood: how far the reader got, and how it ended.</summary>
/// <param name="Lines">How many of the sender's lines the reader received.</param>
/// <param name="Stall">What the reader got instead of the next line when it waited in vain; null if it never did.</param>
/// <param name="Stopped">Whether the reader saw the line the flood was to stop at.</param>
/// <param name="Skipped">The number of the line the reader expected and the one it got instead, when lines were missing.</param>
internal sealed record FloodResult(long Lines, ChatLine? Stall, bool Stopped, (long Expected, long Got)? Skipped = null)
{
    /// <summary>Fails the check if the reader missed lines or waited in vain while <paramref name="silent"/> read nothing.</summary>
    public void ThrowIfReaderFellShort(ChatPeer silent, ChatPeer reader, int sent)
    {
        if (Skipped is var (expected, got))
        {
            throw new CheckFailedException(
                ChatTexts.FormatChatSlowDropped(reader.Name, expected, got, got - expected, silent.Name), ChatTexts.ChatSlowDroppedHint);
        }
        if (Stall is { } stall)
        {
            throw new CheckFailedException(ChatTexts.FormatChatSlowStalled(
                silent.Name, reader.Name, Durations.Format(Flood.MaxGap), Lines, sent, stall.Describe()));
        }
    }
}

/// <summary>
/// Megabytes through the room: a sender sends lines of 1000 bytes while a reader reads them. The sender keeps at
/// most 512 KiB ahead of the reader, so a server that drops a member whose queue passes 1 MiB (§24) never drops
/// the reader, however slowly the grader's machine runs; only a member who reads nothing falls behind. Each line
/// starts with its number, so that a line the server dropped for the reader is told from one that is late.
/// </summary>
internal static class Flood
{
    public const int LineBytes = 1000;

    /// <summary>How long the reader may wait for the next line before the room counts as stalled.</summary>
    public static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(1);

    private const int LinesPerSend = 64;
    private const int NumberDigits = 8;

    /// <summary>The bytes of a line after its number and before its \n: what the reader counts.</summary>
    private const int Filler = LineBytes - 1 - NumberDigits;
    private const long Window = 512 * 1024;

    /// <summary>Floods <paramref name="lines"/> lines from <paramref name="sender"/> to <paramref name="reader"/>, or until the reader receives <paramref name="stopAt"/>.</summary>
    public static async Task<FloodResult> RunAsync(ChatPeer sender, ChatPeer reader, int lines, CheckContext context, string? stopAt = null)
    {
        byte[]? stop = stopAt is null ? null : ChatPeer.Line(stopAt);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        using var progress = new Progress();
        using var echoed = new Progress();
        var flooding = SendAsync(sender, lines, progress, echoed, sending.Token);
        // The sender reads what comes to it, as a person's client does, so that only the silent member falls behind.
        var draining = DrainAsync(sender, echoed, sending.Token);
        // Counted in the text's bytes, not in lines: a server that frames wrongly fails elsewhere, not here.
        long expected = (long)lines * Filler;
        long received = 0;
        long next = 0; // the number of the line the reader should get next
        bool numbered = true; // every flood line so far came as one message of its own, its number readable
        byte[] fromSender = Encoding.UTF8.GetBytes($"MSG {sender.Name} ");
        try
        {
            while (received < expected)
            {
                var line = await reader.ReadLineAsync(MaxGap);
                if (line.Bytes is null)
                {
                    return new FloodResult(received / Filler, line, false);
                }
                if (stop is not null && line.Bytes.AsSpan().SequenceEqual(stop))
                {
                    return new FloodResult(received / Filler, null, true);
                }
                int filler = line.Bytes.AsSpan().Count((byte)'x'); // no name in the room has an x
                long? number = NumberOf(line.Bytes, fromSender);
                // A flood line without its own "MSG <sender> " (a server that forwards whole reads, say) is framed
                // wrongly, which other checks judge: from then on the numbers say nothing about lost lines.
                numbered &= number is not null || filler == 0;
                if (numbered && number > next)
                {
                    return new FloodResult(received / Filler, null, false, (next, number.Value));
                }
                if (number is not null)
                {
                    next = number.Value + 1; // one that came twice or early is the order check's to judge
                }
                received += filler;
                progress.Report(received);
            }
            return new FloodResult(lines, null, false);
        }
        finally
        {
            await sending.CancelAsync();
            await Task.WhenAll(flooding, draining).WaitAsync(context.Cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    // The sender keeps within the window of the reader, and of itself when the server sends its lines back to it
    // (a mistake that other checks catch: here it must not get the sender dropped).
    private static async Task SendAsync(ChatPeer sender, int lines, Progress reader, Progress echoed, CancellationToken stop)
    {
        string filler = new('x', Filler);
        for (int sent = 0; sent < lines && !stop.IsCancellationRequested; sent += LinesPerSend)
        {
            var chunk = Encoding.ASCII.GetBytes(string.Concat(
                Enumerable.Range(sent, LinesPerSend).Select(n => n.ToString("D" + NumberDigits, CultureInfo.InvariantCulture) + filler + "\n")));
            long behind = (long)sent * Filler - Window;
            await reader.WaitUntilAsync(behind, stop);
            if (echoed.Value > 0)
            {
                await echoed.WaitUntilAsync(behind, stop);
            }
            await sender.Connection.SendAsync(chunk, stop);
        }
    }

    // "MSG <sender> 00000042xxx…": the line's number, or null for any other line (a JOIN, a LEAVE, another
    // member's message, a line framed wrongly).
    private static long? NumberOf(byte[] line, byte[] prefix)
    {
        int start = prefix.Length;
        return line.AsSpan().StartsWith(prefix) && line.Length >= start + NumberDigits
            && long.TryParse(line.AsSpan(start, NumberDigits), NumberStyles.None, CultureInfo.InvariantCulture, out long number)
            ? number
            : null;
    }

    private static async Task DrainAsync(ChatPeer sender, Progress echoed, CancellationToken stop)
    {
        long received = 0;
        while (!stop.IsCancellationRequested)
        {
            // Bounded by the check: the flood ends it.
            var more = await sender.Connection.ReceiveSomeAsync(TimeSpan.FromSeconds(1), 64 * 1024, stop);
            if (more.End is Wire.ReceiveEnd.Closed or Wire.ReceiveEnd.Reset)
            {
                return;
            }
            received += more.Data.AsSpan().Count((byte)'x');
            if (received > 0)
            {
                echoed.Report(received);
            }
        }
    }

    /// <summary>How many bytes of text the reader has received, for the sender to wait on.</summary>
    private sealed class Progress : IDisposable
    {
        private readonly SemaphoreSlim _changed = new(0);
        private long _received;

        public long Value => Interlocked.Read(ref _received);

        public void Report(long received)
        {
            Interlocked.Exchange(ref _received, received);
            _changed.Release();
        }

        public void Dispose() => _changed.Dispose();

        public async Task WaitUntilAsync(long received, CancellationToken cancellationToken)
        {
            while (Interlocked.Read(ref _received) < received)
            {
                await _changed.WaitAsync(cancellationToken);
            }
        }
    }
}
