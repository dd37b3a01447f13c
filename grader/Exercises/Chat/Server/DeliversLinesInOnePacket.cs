using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§21, §22: four lines in one send are three messages, in order: the empty one is ignored, the \r of a \r\n dropped.</summary>
internal sealed class DeliversLinesInOnePacket : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("chat.lines-in-one-packet", "§21, §22", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var sender = await ChatPeer.JoinAsync(target, "Olga-11", context);
        await using var receiver = await ChatPeer.JoinAsync(target, "Petar-11", context);
        await sender.SendAsync("first\n\nsecond\r\nthird\n"u8.ToArray());
        string after = ChatTexts.FormatChatAfterSaid("Olga-11", "\"first\\n\\nsecond\\r\\nthird\\n\"");
        await receiver.ExpectLineAmongNoticesAsync("MSG Olga-11 first", after);
        await receiver.ExpectLineAsync("MSG Olga-11 second", after);
        await receiver.ExpectLineAsync("MSG Olga-11 third", after);
    }
}
