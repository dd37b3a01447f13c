using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§1: the server listens and accepts. The first check, so an unreachable server is reported once, here.</summary>
internal sealed class ChatAcceptsConnection : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.accepts-connection", "§1", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
    }
}
