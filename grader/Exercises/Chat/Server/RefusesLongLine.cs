using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §23: a line of 1000 bytes is delivered; 1100 bytes without a \n are refused at once, and the sender is sent
/// away. Both sizes are on the right side of the limit under either reading of it (refusing at 1024 bytes
/// held, or past them), and short of the next usual buffer sizes.
/// </summary>
internal sealed class RefusesLongLine : ServerCheck<ServerTarget>
{
    private const int Allowed = 1000;
    private const int TooLong = 1100;

    public override CheckInfo Info { get; } = new("chat.refuses-long-line", "§23", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var sender = await ChatPeer.JoinAsync(target, "Ante-15", context);
        await using var receiver = await ChatPeer.JoinAsync(target, "Bela-15", context);

        string allowed = new('a', Allowed - 1); // with its \n, 1000 bytes
        await sender.SendLineAsync(allowed);
        await receiver.ExpectLineAmongNoticesAsync("MSG Ante-15 " + allowed, ChatTexts.FormatChatAfterLongLine("Ante-15", Counted.Bytes(Allowed)));

        await sender.SendAsync(Encoding.ASCII.GetBytes(new string('b', TooLong)));
        string after = ChatTexts.FormatChatAfterTooLong("Ante-15", Counted.Bytes(TooLong));
        await sender.ExpectErrAsync(after);
        await sender.ExpectCloseAsync(after);
        await receiver.ExpectNothingAsync(after, ignoreNotices: true);
    }
}
