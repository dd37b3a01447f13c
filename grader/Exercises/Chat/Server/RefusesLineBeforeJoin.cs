using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§19: a line before NICK is refused and reaches no one; the sender can still join.</summary>
internal sealed class RefusesLineBeforeJoin : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.refuses-line-before-join", "§19", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var member = await ChatPeer.JoinAsync(target, "Dora-6", context);
        await using var stranger = await ChatPeer.ConnectAsync(target, "Eva-6", context);
        const string line = "hello before joining";
        await stranger.SendLineAsync(line);
        await stranger.ExpectErrAsync(ChatTexts.FormatChatAfterLineBeforeJoin(ChatPeer.Show(line)));
        await member.ExpectNothingAsync(ChatTexts.FormatChatAfterStrangerSpoke(stranger.Name, ChatPeer.Show(line)), ignoreNotices: true);
        await stranger.JoinAsync(); // refused, but not sent away
    }
}
