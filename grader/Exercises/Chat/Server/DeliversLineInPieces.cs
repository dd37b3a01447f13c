using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §22: a line that arrives one byte at a time is one message. A server that forwards each read as it comes
/// sends a MSG per byte, or none at all.
/// </summary>
internal sealed class DeliversLineInPieces : ServerCheck<ServerTarget>
{
    private const string Text = "one byte at a time";
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(15);

    public override CheckInfo Info { get; } = new("chat.line-in-pieces", "§22", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var sender = await ChatPeer.JoinAsync(target, "Marko-10", context);
        await using var receiver = await ChatPeer.JoinAsync(target, "Nina-10", context);
        foreach (byte b in ChatPeer.Line(Text))
        {
            await sender.SendAsync(new[] { b });
            await Task.Delay(Pause, context.Time, context.Cancellation); // the pause makes each byte its own TCP segment
        }
        await receiver.ExpectLineAmongNoticesAsync($"MSG Marko-10 {Text}", ChatTexts.FormatChatAfterSaidInPieces("Marko-10", ChatPeer.Show(Text)));
    }
}
