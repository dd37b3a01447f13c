using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§18: no banner. A client that reads the server's first line as the answer to NICK would misread one.</summary>
internal sealed class SendsNothingFirst : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.sends-nothing-first", "§18", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var newcomer = await ChatPeer.ConnectAsync(target, "Ana-2", context);
        await newcomer.ExpectNothingAsync(ChatTexts.ChatAfterConnecting);
    }
}
