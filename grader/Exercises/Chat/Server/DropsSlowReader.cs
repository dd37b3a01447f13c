using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §24: a member who reads nothing is disconnected once more than 1 MiB waits for it, and the others hear it
/// left. The grader floods the room until the LEAVE comes, up to 32 MB: far more than 1 MiB and the kernel's
/// socket buffers together, so a server that holds everything for the silent member, without end, is caught.
/// A server that disconnects the silent member but forgets to say so passes here (the LEAVE is
/// <see cref="AnnouncesLeave"/>'s): the grader reads what the silent member was sent, to its end.
/// </summary>
internal sealed class DropsSlowReader : ServerCheck<ServerTarget>
{
    private const int Lines = 32 * 1024;

    public override CheckInfo Info { get; } = new("chat.drops-slow-reader", "§24", ChatTexts.ResourceManager);

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(15);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        // Not recorded: at the end the grader reads the megabytes waiting for it.
        await using var silent = await ChatPeer.JoinAsync(target, "Fran-19", context, recorded: false);
        await using var sender = await ChatPeer.JoinAsync(target, "Gita-19", context, recorded: false);
        await using var reader = await ChatPeer.JoinAsync(target, "Hrvoje-19", context, recorded: false);
        context.Transcript.Add(sender.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteFloodUntilLeave(
            sender.Name, reader.Name, silent.Name, Counted.Bytes((long)Lines * Flood.LineBytes)));

        var flood = await Flood.RunAsync(sender, reader, Lines, context, stopAt: "LEAVE " + silent.Name);
        flood.ThrowIfReaderFellShort(silent, reader, Lines);
        if (!flood.Stopped && !await WasDisconnectedAsync(silent, context))
        {
            throw new CheckFailedException(ChatTexts.FormatChatSlowKept(
                silent.Name, Counted.Bytes((long)Lines * Flood.LineBytes), reader.Name));
        }
        context.Transcript.Add(reader.Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteDropped(reader.Name, silent.Name, flood.Lines));
    }

    // Whether what the server sent the silent member ends in a close or a reset, once read.
    private static async Task<bool> WasDisconnectedAsync(ChatPeer silent, CheckContext context)
    {
        var rest = await silent.Connection.ReceiveUntilEndAsync(context.Limits.ReplyTimeout, (Lines + 1024) * Flood.LineBytes, context.Cancellation);
        return rest.End is Wire.ReceiveEnd.Closed or Wire.ReceiveEnd.Reset;
    }
}
