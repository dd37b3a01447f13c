using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Chat.Client;

/// <summary>
/// The chat client under test, in two runs. In the first the grader answers OK and plays a conversation: it
/// types lines to the client, sends it every kind of line (at once, in pieces, while the user is idle), then
/// ends its input. In the second it refuses the name.
/// </summary>
public sealed class ChatClientUnderTest(PlayedServer server, string nick)
{
    /// <summary>Typed before the server has answered NICK: the client must hold it until OK.</summary>
    public const string TypedEarly = "napisano prije OK";

    /// <summary>Typed after OK: Croatian letters and an emoji, which only UTF-8 carries byte for byte.</summary>
    public const string TypedLater = "Dobar dan, čćžšđ! 👋";

    /// <summary>Sent while the user types nothing.</summary>
    public const string IdleLine = "MSG Ana jesi li tu?\n";

    public const string IdleText = "jesi li tu?";

    /// <summary>The kind of line not sent yet, after JOIN and LEAVE (sent while the user types) and MSG (while idle).</summary>
    public const string Kinds = "ERR name in use\n";

    /// <summary>Two messages in three pieces: the first cut mid-text, the second mid-name.</summary>
    public static readonly string[] Pieces = ["MSG Petra dobro ", "jutro\nMSG Pe", "tra drugi redak\n"];

    /// <summary>Sent after the client has closed its side: it must still print it.</summary>
    public const string LastLine = "MSG Ana zadnja poruka\n";

    public const string RefusalReason = "name in use";

    /// <summary>How soon a message must be printed while the user is idle.</summary>
    public static readonly TimeSpan PrintWithin = TimeSpan.FromSeconds(1);

    private const int MaxLine = 1024;

    public PlayedServer Server => server;

    /// <summary>The name the client was given, which it must join with.</summary>
    public string Nick => nick;

    public Task<ClientRun<ChatClientExchange>> ConversationAsync(CheckContext context) =>
        server.RunAsync<ChatClientExchange>("chat-conversation", async (connection, client, token) =>
        {
            var lines = new LineReader(connection, server.Time, MaxLine);
            await TypeAsync(client, TypedEarly + "\n", token); // a quick user: typed before the answer has come
            var first = await ReadLineAsync(lines, server.Limits.MessageTimeout, token);
            var early = await connection.ReceiveUntilEndAsync(TimeSpan.FromMilliseconds(500), MaxLine, token);
            lines.Pending.Add(early.Data);
            byte[] beforeAnswer = lines.Pending.Peek();
            var typed = new List<byte[]>();
            if (first.End == ReceiveEnd.Complete && early.End is not (ReceiveEnd.Closed or ReceiveEnd.Reset))
            {
                await connection.TrySendAsync(Encoding.UTF8.GetBytes("OK\n"), token);
                typed.Add((await ReadLineAsync(lines, server.Limits.MessageTimeout, token)).Data);
                // The room answers each line the user types, as a room does: someone joins, then leaves. A client
                // that reads the server once after each typed line reads these, and is back at its keyboard.
                await connection.TrySendAsync(Encoding.UTF8.GetBytes("JOIN Ivo\n"), token);
                await TypeAsync(client, TypedLater + "\n", token);
                typed.Add((await ReadLineAsync(lines, server.Limits.MessageTimeout, token)).Data);
                await connection.TrySendAsync(Encoding.UTF8.GetBytes("LEAVE Ivo\n"), token);
                await client.WaitForOutputAsync(output => Count(output, "Ivo") >= 2, PrintWithin, token);
            }

            // Now the user types nothing, and someone speaks.
            long idleFrom = server.Time.GetTimestamp();
            await connection.TrySendAsync(Encoding.UTF8.GetBytes(IdleLine), token);
            TimeSpan? printed = await client.WaitForOutputAsync(output => output.Contains(IdleText, StringComparison.Ordinal), PrintWithin, token)
                ? server.Time.GetElapsedTime(idleFrom)
                : null;

            await connection.TrySendAsync(Encoding.UTF8.GetBytes(Kinds), token);
            foreach (string piece in Pieces)
            {
                await Task.Delay(Echo.Client.EchoPlay.PiecePause, server.Time, token);
                await connection.TrySendAsync(Encoding.UTF8.GetBytes(piece), token);
            }
            // Let it print before its input ends.
            await client.WaitForOutputAsync(output => output.Contains("drugi redak", StringComparison.Ordinal), PrintWithin, token);

            // The end of the input: the client says it is done with a half-close, and still listens.
            await EndInputAsync(client, token);
            var rest = await connection.ReceiveUntilEndAsync(server.Limits.ExitTimeout, MaxLine, token);
            bool closed = rest.End is ReceiveEnd.Closed;
            if (closed)
            {
                await connection.TrySendAsync(Encoding.UTF8.GetBytes(LastLine), token);
            }
            return (new ChatClientExchange(first.Data, beforeAnswer, typed, printed, rest.Data, closed), ExchangeEnd.ClientClosed);
        }, context);

    public Task<ClientRun<ChatClientExchange>> RefusedAsync(CheckContext context) =>
        server.RunAsync<ChatClientExchange>("chat-refused", async (connection, client, token) =>
        {
            var first = await ReadLineAsync(new LineReader(connection, server.Time, MaxLine), server.Limits.MessageTimeout, token);
            await connection.TrySendAsync(Encoding.UTF8.GetBytes($"ERR {RefusalReason}\n"), token);
            return (new ChatClientExchange(first.Data, [], [], null, [], false), ExchangeEnd.GraderCloses);
        }, context);

    /// <summary>After a script, until the client exits: read and forget what it sends; true when it closes its side.</summary>
    public static async Task<bool> ReadUntilClientClosesAsync(PlayedServer server, WireConnection connection, Task exited, CancellationToken cancellationToken)
    {
        var read = connection.ReceiveUntilEndAsync(server.Limits.ExitTimeout, 64 * 1024, cancellationToken);
        await Task.WhenAny(read, exited);
        return read.IsCompleted && read.Result.End == ReceiveEnd.Closed;
    }

    // The next line with its \n; or, when none comes in time, what came (forgotten: the next read starts afresh) and how the wait ended.
    private static async Task<(byte[] Data, ReceiveEnd End)> ReadLineAsync(LineReader lines, TimeSpan wait, CancellationToken cancellationToken)
    {
        var line = await lines.ReadLineAsync(wait, cancellationToken);
        if (line.Bytes is { } whole)
        {
            return (whole, ReceiveEnd.Complete);
        }
        lines.Pending.TakeAll();
        return (line.Partial, line.End);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;

    private static async Task TypeAsync(IRunningProgram client, string text, CancellationToken cancellationToken)
    {
        try
        {
            await client.WriteInputAsync(text, cancellationToken);
        }
        catch (IOException)
        {
            // It no longer reads its input: it has exited, and the checks say so.
        }
    }

    private static async Task EndInputAsync(IRunningProgram client, CancellationToken cancellationToken)
    {
        try
        {
            await client.CloseInputAsync(cancellationToken);
        }
        catch (IOException)
        {
            // Exited already.
        }
    }
}
