using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§19: joining answers exactly OK, for a plain name and for one with Croatian letters.</summary>
internal sealed class Joins : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.joins", "§19", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var ana = await ChatPeer.JoinAsync(target, "ana_3", context);
        await using var durda = await ChatPeer.JoinAsync(target, "Đurđa-3", context);
    }
}
