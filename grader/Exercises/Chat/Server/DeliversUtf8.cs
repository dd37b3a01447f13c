using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§21: text in any language arrives byte for byte, from a sender whose name has Croatian letters too.</summary>
internal sealed class DeliversUtf8 : ServerCheck<ServerTarget>
{
    private const string Text = "Čuješ li me? Žuta ćuk-đak šešir 👋";

    public override CheckInfo Info { get; } = new("chat.delivers-utf8", "§21", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var sender = await ChatPeer.JoinAsync(target, "Šime-9", context);
        await using var receiver = await ChatPeer.JoinAsync(target, "Lana-9", context);
        await sender.SendLineAsync(Text);
        await receiver.ExpectLineAmongNoticesAsync($"MSG Šime-9 {Text}", ChatTexts.FormatChatAfterSaid("Šime-9", ChatPeer.Show(Text)));
    }
}
