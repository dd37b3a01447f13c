using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §24: while one member reads nothing, 12 MB go through the room, and another member must keep receiving them
/// with no gap longer than a second. A server that sends to each receiver in turn, waiting for each send, stops
/// once the silent member's socket buffers are full (a few megabytes on loopback); one that queues for each
/// receiver and sends from a task per receiver does not.
/// </summary>
internal sealed class SlowReaderDelaysNoOne : ServerCheck<ServerTarget>
{
    private const int Lines = 12 * 1024;

    public override CheckInfo Info { get; } = new("chat.slow-reader-delays-no-one", "§24", ChatTexts.ResourceManager);

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(15);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var silent = await ChatPeer.JoinAsync(target, "Cilka-16", context);
        await using var sender = await ChatPeer.JoinAsync(target, "Dino-16", context, recorded: false);
        await using var reader = await ChatPeer.JoinAsync(target, "Ema-16", context, recorded: false);
        context.Transcript.Add(sender.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteFlood(
            sender.Name, Counted.Bytes((long)Lines * Flood.LineBytes), reader.Name, silent.Name));

        var flood = await Flood.RunAsync(sender, reader, Lines, context);
        flood.ThrowIfReaderFellShort(silent, reader, Lines);
        context.Transcript.Add(reader.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteFloodDone(reader.Name, Lines));
    }
}
