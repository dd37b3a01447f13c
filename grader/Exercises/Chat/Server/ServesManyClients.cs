using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>§25: a hundred members at once, and one message reaches the other ninety-nine.</summary>
internal sealed class ServesManyClients : ServerCheck<ServerTarget>
{
    private const int Members = 100;

    public override CheckInfo Info { get; } = new("chat.many-clients", "§25", ChatTexts.ResourceManager);

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(15);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var room = new List<ChatPeer>();
        try
        {
            for (int i = 1; i <= Members; i++)
            {
                // Only the first and the last are in the transcript: a hundred would bury what matters.
                room.Add(await ChatPeer.JoinAsync(target, $"m{i}-17", context, recorded: i is 1 or Members));
            }
            context.Transcript.Add(room[^1].Name, WireEventKind.Note, text: ChatTexts.FormatChatNoteMany(Members));
            var speaker = room[^1];
            await speaker.SendLineAsync("hello, everyone");
            string after = ChatTexts.FormatChatAfterSaidToMany(speaker.Name, Members);
            await Task.WhenAll(room.SkipLast(1).Select(peer => peer.ExpectLineAmongNoticesAsync($"MSG {speaker.Name} hello, everyone", after)));
        }
        finally
        {
            foreach (var peer in room)
            {
                await peer.DisposeAsync();
            }
        }
    }
}
