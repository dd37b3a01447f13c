using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// §22: two members send hundreds of numbered lines at the same moment; a third must get each exactly once,
/// and each sender's in the order sent. The two senders' lines may interleave in any way.
/// </summary>
internal sealed class KeepsOrderUnderLoad : ServerCheck<ServerTarget>
{
    private const int PerSender = 300;

    public override CheckInfo Info { get; } = new("chat.order-under-load", "§22", ChatTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var receiver = await ChatPeer.JoinAsync(target, "Rita-12", context);
        await using var first = await ChatPeer.JoinAsync(target, "Sara-12", context, recorded: false);
        await using var second = await ChatPeer.JoinAsync(target, "Tin-12", context, recorded: false);
        context.Transcript.Add(receiver.Name, Transcripts.WireEventKind.Note, text: ChatTexts.FormatChatNoteLoad(first.Name, second.Name, PerSender));
        await Task.WhenAll(first.SendAsync(Numbered(PerSender)), second.SendAsync(Numbered(PerSender)));

        var next = new Dictionary<string, int> { [first.Name] = 0, [second.Name] = 0 };
        string after = ChatTexts.FormatChatAfterLoad(first.Name, second.Name, PerSender);
        while (next.Values.Sum() < 2 * PerSender)
        {
            var line = await receiver.ReadLineAsync(context.Limits.ReplyTimeout);
            if (line.Bytes is null)
            {
                throw new CheckFailedException(ChatTexts.FormatChatLoadMissing(
                    receiver.Name, next.Values.Sum(), 2 * PerSender, after, line.Describe()) + "\n" + Progress(next));
            }
            string text = Encoding.UTF8.GetString(line.Bytes).TrimEnd('\n');
            if (text.StartsWith("JOIN ", StringComparison.Ordinal) || text.StartsWith("LEAVE ", StringComparison.Ordinal))
            {
                continue;
            }
            if (text.Split(' ') is not ["MSG", var name, var number] || !next.TryGetValue(name, out int expected))
            {
                throw new CheckFailedException(ChatTexts.FormatChatLoadStrange(receiver.Name, after, ByteText.Quote(line.Bytes, 96)));
            }
            if (number != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                throw new CheckFailedException(ChatTexts.FormatChatLoadOutOfOrder(
                    receiver.Name, name, ByteText.Quote(line.Bytes, 96), expected) + "\n" + Progress(next));
            }
            next[name] = expected + 1;
        }
        await receiver.ExpectNothingAsync(ChatTexts.FormatChatAfterAll(2 * PerSender), ignoreNotices: true);
    }

    // "0\n1\n2\n…" in one buffer, so the server reads many lines at once and lines split across reads.
    private static byte[] Numbered(int count) =>
        Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, count).Select(i => $"{i}\n")));

    private static string Progress(Dictionary<string, int> next) =>
        string.Join("; ", next.Select(n => ChatTexts.FormatChatLoadProgress(n.Key, n.Value, PerSender)));
}
