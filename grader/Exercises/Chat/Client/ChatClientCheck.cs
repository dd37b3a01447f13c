using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>A check of the chat client (docs/protocol.md §26), judged from the conversation run unless it says otherwise.</summary>
public abstract class ChatClientCheck : ClientCheck<ChatClientUnderTest, ChatClientExchange>
{
    protected override Task<ClientRun<ChatClientExchange>> RunClientAsync(ChatClientUnderTest target, CheckContext context) =>
        target.ConversationAsync(context);

    /// <summary>The lines the client printed, without their line ends.</summary>
    protected static IEnumerable<string> PrintedLines(ClientSession session) =>
        session.Output.Split('\n').Select(line => line.TrimEnd('\r'));

    /// <summary>Whether the client printed <paramref name="line"/> as a line of its own.</summary>
    protected static bool PrintedLine(ClientSession session, string line) => PrintedLines(session).Contains(line);

    /// <summary>
    /// Whether <paramref name="sent"/> is <paramref name="line"/> as a line: with \n, or with \r\n, which the
    /// server reads the same (§18).
    /// </summary>
    protected static bool IsLine(byte[] sent, byte[] line) =>
        sent.AsSpan().SequenceEqual([.. line, (byte)'\n']) || sent.AsSpan().SequenceEqual([.. line, (byte)'\r', (byte)'\n']);

    /// <summary>How bytes the client sent read in a message.</summary>
    protected static string Show(byte[] data) => data.Length == 0 ? ChatTexts.ChatClientSentNothing : ByteText.Quote(data, 96);
}
