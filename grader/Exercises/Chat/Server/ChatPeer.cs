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

    // The names of each check's people: a notice of anyone else joining or leaving is a late one about an earlier
    // check's people (a server may see a connection close after the next check has begun), and no check judges it.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CheckContext, HashSet<string>> NamesOfCheck = [];

    // Every name the grader's people have joined with: each check's are its own, fixed ("Gita-19"). A message from
    // one of them that is not among this check's people is a late one of an earlier check: a server still relays
    // what a sender wrote before it left (megabytes, where a check fills a slow reader's queue) to whoever is in the
    // room by then. A message from a name the grader never used is the server's own doing, and judged.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> GradersNames = [];

    private readonly LineReader _lines = new(connection, context.Time, MaxLineBytes);

    /// <summary>The name this person joins with, which is also the connection's label.</summary>
    public string Name { get; } = name;

    public WireConnection Connection => connection;

    private string Who => Sentences.Capitalized(connection.Label);

    /// <summary>Connects as <paramref name="name"/>, without joining yet.</summary>
    /// <param name="recorded">False for one of many connections, whose bytes would drown the transcript.</param>
    public static async Task<ChatPeer> ConnectAsync(ServerTarget server, string name, CheckContext context, bool recorded = true)
    {
        var connection = recorded ? await server.ConnectAsync(name, context) : await server.ConnectUnrecordedAsync(name, context);
        var names = NamesOfCheck.GetOrCreateValue(context);
        lock (names)
        {
            names.Add(name);
        }
        GradersNames.TryAdd(name, 0);
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

    /// <summary>The next whole line, with its \n, if one arrives within <paramref name="wait"/>; otherwise how the wait ended.</summary>
    public Task<ChatLine> ReadLineAsync(TimeSpan wait) => _lines.ReadLineAsync(wait, context.Cancellation);

    /// <summary>Expects the next line to be exactly <paramref name="expected"/> (without its \n), within the reply timeout.</summary>
    /// <param name="after">What happened that should have caused it, for the message: "after Ana joined".</param>
    public async Task ExpectLineAsync(string expected, string after)
    {
        var line = await ReadOwnLineAsync();
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
        var line = await ReadLineAfterNoticesAsync();
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
            _lines.Pending.Add(received.Data);
        }
        while (received.Data.Length > 0 && _lines.Pending.Count < MaxLineBytes);
        while (_lines.Pending.PeekLine() is { } line && (IsAboutEarlierCheck(line) || (ignoreNotices && IsNotice(line))))
        {
            _lines.Pending.TakeLine();
        }
        if (_lines.Pending.Count > 0) // silence, a close or a reset with nothing before: nothing was delivered, which is all this asks
        {
            throw new CheckFailedException(ChatTexts.FormatChatNothingExpected(Who, after, ByteText.Quote(_lines.Pending.Peek(), 200)));
        }
    }

    /// <summary>Expects the server to close (or reset) the connection within the reply timeout, sending nothing more.</summary>
    public async Task ExpectCloseAsync(string after)
    {
        var line = await ReadOwnLineAsync();
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
        var line = await ReadLineAfterNoticesAsync(wanted);
        if (line.Bytes is not { } got || !got.AsSpan().SequenceEqual(wanted))
        {
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

    // The next line that is not a notice of others joining or leaving (unless it is the one awaited, which may be
    // a notice itself): notices may come at any time, and are no answer and no fault where a check is about
    // something else.
    private Task<ChatLine> ReadLineAfterNoticesAsync(byte[]? awaited = null) =>
        ReadLineSkippingAsync(line => (IsNotice(line) && !line.AsSpan().SequenceEqual(awaited)) || IsAboutEarlierCheck(line));

    // The next line past late lines about earlier checks' people.
    private Task<ChatLine> ReadOwnLineAsync() => ReadLineSkippingAsync(IsAboutEarlierCheck);

    // The next line that is not to be skipped; each line gets the reply timeout.
    private async Task<ChatLine> ReadLineSkippingAsync(Func<byte[], bool> skipped)
    {
        ChatLine line;
        do
        {
            line = await ReadLineAsync(context.Limits.ReplyTimeout);
        }
        while (line.Bytes is { } bytes && skipped(bytes));
        return line;
    }

    // JOIN or LEAVE of a name none of this check's people has, or MSG from one of an earlier check's people.
    private bool IsAboutEarlierCheck(byte[] line)
    {
        bool notice = IsNotice(line);
        if (!notice && !line.AsSpan().StartsWith("MSG "u8))
        {
            return false;
        }
        string[] words = Encoding.UTF8.GetString(line).TrimEnd('\n').Split(' ', 3);
        if (words.Length < 2 || (!notice && !GradersNames.ContainsKey(words[1])))
        {
            return false;
        }
        var names = NamesOfCheck.GetOrCreateValue(context);
        lock (names)
        {
            return !names.Contains(words[1]);
        }
    }

    private static bool IsNotice(byte[] line) => line.AsSpan().StartsWith("JOIN "u8) || line.AsSpan().StartsWith("LEAVE "u8);
}
