using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §20: whoever leaves — by closing, by half-closing, or with a reset — is announced to the others, and their
/// name is free again at once.
/// </summary>
internal sealed class AnnouncesLeave : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.announces-leave", "§20", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var stays = await ChatPeer.JoinAsync(target, "Una-13", context);
        var ways = new (string Name, Func<ChatPeer, ValueTask> Leave, string How)[]
        {
            ("Vedran-13", peer => peer.DisposeAsync(), ChatTexts.ChatLeftByClosing),
            ("Zara-13", peer => { peer.Connection.ShutdownSend(); return ValueTask.CompletedTask; }, ChatTexts.ChatLeftByHalfClosing),
            ("Luka-13", peer => { peer.Connection.Reset(); return ValueTask.CompletedTask; }, ChatTexts.ChatLeftByReset),
        };
        foreach (var (name, leave, how) in ways)
        {
            await using var leaver = await ChatPeer.JoinAsync(target, name, context);
            await leave(leaver);
            await stays.ExpectLineAmongNoticesAsync("LEAVE " + name, ChatTexts.FormatChatAfterLeft(name, how));
            // The server has let the name go: someone else may take it now.
            await using var successor = await ChatPeer.ConnectAsync(target, name, context);
            await successor.JoinAsync();
        }
    }
}
