using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§21: a line reaches every other member as MSG, and not the sender.</summary>
internal sealed class DeliversToOthers : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.delivers-to-others", "§21", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var ivo = await ChatPeer.JoinAsync(target, "Ivo-8", context);
        await using var jana = await ChatPeer.JoinAsync(target, "Jana-8", context);
        await using var karlo = await ChatPeer.JoinAsync(target, "Karlo-8", context);
        await ivo.SendLineAsync("hello, room");
        string after = ChatTexts.FormatChatAfterSaid("Ivo-8", ChatPeer.Show("hello, room"));
        await jana.ExpectLineAmongNoticesAsync("MSG Ivo-8 hello, room", after);
        await karlo.ExpectLineAmongNoticesAsync("MSG Ivo-8 hello, room", after);
        await ivo.ExpectNothingAsync(ChatTexts.FormatChatAfterOwnMessage(after), ignoreNotices: true);
    }
}
