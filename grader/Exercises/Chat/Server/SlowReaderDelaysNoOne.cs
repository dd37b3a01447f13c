using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §24: while one member reads nothing, megabytes go through the room, and another member must keep
/// receiving them with no gap longer than a second. A server that sends to each receiver in turn, waiting for
/// each send, stops once the silent member's socket buffers are full (a few megabytes on loopback); one that
/// queues for each receiver and sends from a task per receiver does not. The sender keeps at most 512 KiB
/// ahead of the reader, so a server that drops a member whose queue passes 1 MiB never drops the reader,
/// however slowly the grader's machine runs.
/// </summary>
internal sealed class SlowReaderDelaysNoOne : ServerCheck<ServerTarget>
{
    private const int LineBytes = 1000;
    private const int Lines = 12 * 1024; // 12 MB: well past what the silent member's kernel buffers absorb
    private const int LinesPerSend = 64;
    private const long Window = 512 * 1024;
    private static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(1);

    public override CheckInfo Info { get; } = new("chat.slow-reader-delays-no-one", "§24", ChatTexts.ResourceManager);

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(15);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var silent = await ChatPeer.JoinAsync(target, "Cilka-16", context);
        await using var sender = await ChatPeer.JoinAsync(target, "Dino-16", context, recorded: false);
        await using var reader = await ChatPeer.JoinAsync(target, "Ema-16", context, recorded: false);
        context.Transcript.Add(sender.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteFlood(
            sender.Name, Counted.Bytes((long)Lines * LineBytes), reader.Name, silent.Name));

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation);
        using var progress = new Progress();
        var sending = SendAllAsync(sender, progress, stop.Token);
        // Counted in the text's bytes, not in lines: a server that frames wrongly fails elsewhere, not here.
        long expected = (long)Lines * (LineBytes - 1);
        long received = 0;
        try
        {
            while (received < expected)
            {
                var line = await reader.ReadLineAsync(MaxGap);
                if (line.Bytes is null)
                {
                    throw new CheckFailedException(ChatTexts.FormatChatSlowStalled(
                        silent.Name, reader.Name, Durations.Format(MaxGap), received / (LineBytes - 1), Lines, line.Describe()));
                }
                received += line.Bytes.AsSpan().Count((byte)'x'); // no name in the room has an x
                progress.Report(received);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await sending.WaitAsync(context.Cancellation).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        context.Transcript.Add(reader.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteFloodDone(reader.Name, Lines));
    }

    private static async Task SendAllAsync(ChatPeer sender, Progress progress, CancellationToken stop)
    {
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(new string('x', LineBytes - 1) + "\n", LinesPerSend)));
        for (int sent = 0; sent < Lines && !stop.IsCancellationRequested; sent += LinesPerSend)
        {
            await progress.WaitUntilAsync((long)sent * (LineBytes - 1) - Window, stop);
            await sender.Connection.SendAsync(chunk, stop);
        }
    }

    /// <summary>How many bytes of text the reader has received, for the sender to wait on.</summary>
    private sealed class Progress : IDisposable
    {
        private readonly SemaphoreSlim _changed = new(0);
        private long _received;

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
