using System.Diagnostics;
using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Chat.Server;

/// <summary>
/// One person in the room as the grader plays them: a connection that reads whole lines, however the server's
/// bytes are split, and expectations that fail with what this person saw.
/// </summary>
internal sealed class ChatPeer(WireConnection connection, string name, CheckContext context) : IAsyncDisposable
{
    // Far beyond any line of the protocol (1024 bytes at most).
    private const int MaxLineBytes = 64 * 1024;

    private readonly LineBuffer _pending = new();

    /// <summary>The name this person joins with, which is also the connection's label.</summary>
    public string Name { get; } = name;

    public WireConnection Connection => connection;

    private string Who => Sentences.Capitalized(connection.Label);

    /// <summary>Connects as <paramref name="name"/>, without joining yet.</summary>
    /// <param name="recorded">False for one of many connections, whose bytes would drown the transcript.</param>
    public static async Task<ChatPeer> ConnectAsync(ServerTarget server, string name, CheckContext context, bool recorded = true)
    {
        var connection = recorded ? await server.ConnectAsync(name, context) : await server.ConnectUnrecordedAsync(name, context);
        return new ChatPeer(connection, name, context);
    }

    /// <summary>Connects and joins as <paramref name="name"/>: <c>NICK</c>, and exactly <c>OK</c> back.</summary>
    public static async Task<ChatPeer> JoinAsync(ServerTarget server, string name, CheckContext context, bool recorded = true)
    {
        var peer = await ConnectAsync(server, name, context, recorded);
        await peer.JoinAsync();
        return peer;
    }

    /// <summary>Sends <c>NICK</c> with this person's name and expects <c>OK</c>.</summary>
    public async Task JoinAsync()
    {
        await SendLineAsync("NICK " + Name);
        await ExpectLineAsync("OK", ChatTexts.FormatChatAfterNick(Name));
    }

    /// <summary>A line as the protocol writes it: <paramref name="text"/> and \n, in UTF-8.</summary>
    public static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    public Task SendLineAsync(string text) => SendAsync(Line(text));

    public Task SendAsync(ReadOnlyMemory<byte> data) => connection.SendAsync(data, context.Cancellation);

    /// <summary>
    /// The next whole line, with its \n, if one arrives within <paramref name="wait"/>; otherwise null, and how
    /// the wait ended, with any part of a line that came.
    /// </summary>
    public async Task<ChatLine> ReadLineAsync(TimeSpan wait)
    {
        long started = context.Time.GetTimestamp();
        while (true)
        {
            if (_pending.TakeLine() is { } line)
            {
                return new ChatLine(line, null);
            }
            var left = wait - context.Time.GetElapsedTime(started);
            var received = left > TimeSpan.Zero
                ? await connection.ReceiveSomeAsync(left, 64 * 1024, context.Cancellation)
                : new Received([], ReceiveEnd.TimedOut, wait);
            _pending.Add(received.Data);
            if (_pending.Count > MaxLineBytes && _pending.PeekLine() is null)
            {
                // No line is this long: a server that floods without \n must not fill the grader's memory.
                return new ChatLine(null, ChatTexts.FormatChatNoNewline(Counted.Bytes(_pending.Count)), _pending.Peek(), ReceiveEnd.LimitReached);
            }
            if (received.Data.Length == 0)
            {
                return new ChatLine(null, (received with { Wait = wait }).DescribeEnd(), _pending.Peek(), received.End);
            }
        }
    }

    /// <summary>Expects the next line to be exactly <paramref name="expected"/> (without its \n), within the reply timeout.</summary>
    /// <param name="after">What happened that should have caused it, for the message: "after Ana joined".</param>
    public async Task ExpectLineAsync(string expected, string after)
    {
        var line = await ReadLineAsync(context.Limits.ReplyTimeout);
        byte[] wanted = Line(expected);
        if (line.Bytes is { } got && got.AsSpan().SequenceEqual(wanted))
        {
            return;
        }
        string message = ChatTexts.FormatChatLineExpected(Who, ByteText.Quote(wanted), after, line.Describe());
        throw new CheckFailedException(line.Bytes is { } other ? message + "\n" + ByteDiff.Describe(wanted, other) : message);
    }

    /// <summary>Expects a line <c>ERR &lt;reason&gt;</c> next, within the reply timeout.</summary>
    public async Task ExpectErrAsync(string after)
    {
        var line = await ReadLineAsync(context.Limits.ReplyTimeout);
        while (line.Bytes is { } notice && IsNotice(notice)) // others joining and leaving meanwhile is no answer, and no fault
        {
            line = await ReadLineAsync(context.Limits.ReplyTimeout);
        }
        if (line.Bytes is { } got && got.AsSpan().StartsWith("ERR "u8) && got.Length > "ERR \n".Length)
        {
            return;
        }
        throw new CheckFailedException(ChatTexts.FormatChatErrExpected(Who, after, line.Describe()));
    }

    /// <summary>Expects nothing to arrive within the quiet period: what was sent was not for this person.</summary>
    /// <param name="ignoreNotices">Let lines of others joining and leaving through: this check is not about them.</param>
    public async Task ExpectNothingAsync(string after, bool ignoreNotices = false)
    {
        Received received;
        do
        {
            received = await connection.ReceiveSomeAsync(context.Limits.QuietPeriod, 64 * 1024, context.Cancellation);
            _pending.Add(received.Data);
        }
        while (received.Data.Length > 0 && _pending.Count < MaxLineBytes);
        while (ignoreNotices && _pending.PeekLine() is { } line && IsNotice(line))
        {
            _pending.TakeLine();
        }
        if (_pending.Count > 0) // silence, a close or a reset with nothing before: nothing was delivered, which is all this asks
        {
            throw new CheckFailedException(ChatTexts.FormatChatNothingExpected(Who, after, ByteText.Quote(_pending.Peek(), 200)));
        }
    }

    /// <summary>Expects the server to close (or reset) the connection within the reply timeout, sending nothing more.</summary>
    public async Task ExpectCloseAsync(string after)
    {
        var line = await ReadLineAsync(context.Limits.ReplyTimeout);
        if (line.Bytes is null && line.Partial.Length == 0 && line.End is ReceiveEnd.Closed or ReceiveEnd.Reset)
        {
            return;
        }
        throw new CheckFailedException(ChatTexts.FormatChatCloseExpected(Who, after, line.Describe()));
    }

    /// <summary>
    /// Reads lines until one is exactly <paramref name="expected"/>, skipping notices of others joining and
    /// leaving; fails on anything else, or when nothing more comes within the reply timeout.
    /// </summary>
    public async Task ExpectLineAmongNoticesAsync(string expected, string after)
    {
        byte[] wanted = Line(expected);
        while (true)
        {
            var line = await ReadLineAsync(context.Limits.ReplyTimeout);
            if (line.Bytes is { } got)
            {
                if (got.AsSpan().SequenceEqual(wanted))
                {
                    return;
                }
                if (IsNotice(got))
                {
                    continue;
                }
            }
            throw new CheckFailedException(ChatTexts.FormatChatLineExpected(Who, ByteText.Quote(wanted), after, line.Describe()));
        }
    }

    /// <summary>How a line reads in a message, with its \n: <c>"NICK two words\n"</c>.</summary>
    public static string Show(string text) => ByteText.Quote(Line(text), 96);

    /// <summary>Leaves with an orderly close: what others said and this person did not read is dropped first.</summary>
    public ValueTask DisposeAsync()
    {
        connection.DiscardUnread();
        return connection.DisposeAsync();
    }

    private static bool IsNotice(byte[] line) => line.AsSpan().StartsWith("JOIN "u8) || line.AsSpan().StartsWith("LEAVE "u8);
}

/// <summary>A line read by a <see cref="ChatPeer"/>, or why none came.</summary>
/// <param name="Bytes">The line with its \n; null when no whole line came.</param>
/// <param name="EndText">How the wait ended, in a sentence, when no line came.</param>
/// <param name="Partial">The part of a line that came without its \n.</param>
internal sealed record ChatLine(byte[]? Bytes, string? EndText, byte[] Partial, ReceiveEnd End = ReceiveEnd.Complete)
{
    public ChatLine(byte[] bytes, string? endText)
        : this(bytes, endText, [])
    {
    }

    /// <summary>What came, for a message: the line, or the part of one and how the wait ended.</summary>
    public string Describe()
    {
        if (Bytes is not null)
        {
            return ChatTexts.FormatChatReceived(ByteText.Quote(Bytes, 200));
        }
        Debug.Assert(EndText is not null);
        return Partial.Length == 0
            ? ChatTexts.FormatChatReceivedNothing(EndText)
            : ChatTexts.FormatChatReceivedPart(ByteText.Quote(Partial, 200), EndText);
    }
}
