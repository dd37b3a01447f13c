using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§20: everyone already in the room hears of a newcomer; the newcomer hears nothing of itself.</summary>
internal sealed class AnnouncesJoin : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.announces-join", "§20", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var first = await ChatPeer.JoinAsync(target, "Filip-7", context);
        await using var second = await ChatPeer.JoinAsync(target, "Goran-7", context);
        await first.ExpectLineAsync("JOIN Goran-7", ChatTexts.FormatChatAfterJoined("Goran-7"));
        await using var third = await ChatPeer.JoinAsync(target, "Hana-7", context);
        await first.ExpectLineAsync("JOIN Hana-7", ChatTexts.FormatChatAfterJoined("Hana-7"));
        await second.ExpectLineAsync("JOIN Hana-7", ChatTexts.FormatChatAfterJoined("Hana-7"));
        await third.ExpectNothingAsync(ChatTexts.FormatChatAfterOwnJoin("Hana-7"));
    }
}
