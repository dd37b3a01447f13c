using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§19, §21: after everything the other checks did to it, the server still lets two people join and talk.</summary>
internal sealed class KeepsServing : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.keeps-serving", "§19, §21", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var first = await ChatPeer.JoinAsync(target, "Zrinka-18", context);
        await using var second = await ChatPeer.JoinAsync(target, "Zvonko-18", context);
        await second.SendLineAsync("still talking");
        await first.ExpectLineAmongNoticesAsync("MSG Zvonko-18 still talking", ChatTexts.FormatChatAfterSaid("Zvonko-18", ChatPeer.Show("still talking")));
    }
}
