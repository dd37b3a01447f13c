using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§19: a name in use is refused, and the connection stays open for another try.</summary>
internal sealed class RefusesTakenName : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.refuses-taken-name", "§19", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var first = await ChatPeer.JoinAsync(target, "Bruno-4", context);
        await using var second = await ChatPeer.ConnectAsync(target, "Bruna-4", context);
        await second.SendLineAsync("NICK Bruno-4");
        await second.ExpectErrAsync(ChatTexts.FormatChatAfterTakenName("Bruno-4"));
        await second.JoinAsync(); // still open: a second try with a free name works
    }
}
