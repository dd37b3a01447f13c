using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§23: a line that is not UTF-8 is refused and reaches no one; its sender stays, and can go on.</summary>
internal sealed class RefusesInvalidUtf8 : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.refuses-invalid-utf8", "§23", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var sender = await ChatPeer.JoinAsync(target, "Vid-14", context);
        await using var receiver = await ChatPeer.JoinAsync(target, "Zoe-14", context);
        byte[] invalid = [.. "caf"u8, 0xE9, (byte)' ', 0xFF, 0xFE, (byte)'\n']; // Latin-1 é, and bytes no UTF-8 text holds
        await sender.SendAsync(invalid);
        string after = ChatTexts.FormatChatAfterInvalidUtf8("Vid-14");
        await sender.ExpectErrAsync(after);
        await receiver.ExpectNothingAsync(after, ignoreNotices: true);
        await sender.SendLineAsync("still here");
        await receiver.ExpectLineAmongNoticesAsync("MSG Vid-14 still here", ChatTexts.FormatChatAfterSaid("Vid-14", ChatPeer.Show("still here")));
    }
}
