using System.Diagnostics;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Chat;

/// <summary>
/// Whole lines from a connection, however the peer's bytes are split: a line that came in pieces is one line,
/// and what came after a line waits for the next read. Bounded in time (each read's wait) and in size.
/// </summary>
/// <param name="maxLineBytes">How much without a \n ends a read: no line of the protocol is longer.</param>
internal sealed class LineReader(WireConnection connection, TimeProvider time, int maxLineBytes)
{
    /// <summary>What has arrived and was not taken as a line yet.</summary>
    public LineBuffer Pending { get; } = new();

    /// <summary>
    /// The next whole line, with its \n, if one arrives within <paramref name="wait"/>; otherwise no line, and
    /// how the wait ended, with any part of a line that came (left in <see cref="Pending"/>).
    /// </summary>
    public async Task<ChatLine> ReadLineAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        long started = time.GetTimestamp();
        while (true)
        {
            if (Pending.TakeLine() is { } line)
            {
                connection.ReplyWaitEnded(wait, time.GetElapsedTime(started));
                return new ChatLine(line, null);
            }
            var left = wait - time.GetElapsedTime(started);
            var received = left > TimeSpan.Zero
                ? await connection.ReceiveSomeAsync(left, 64 * 1024, cancellationToken)
                : new Received([], ReceiveEnd.TimedOut, wait);
            Pending.Add(received.Data);
            if (Pending.Count > maxLineBytes && Pending.PeekLine() is null)
            {
                // No line is this long: a peer that floods without \n must not fill the grader's memory.
                return new ChatLine(null, ChatTexts.FormatChatNoNewline(Counted.Bytes(Pending.Count)), Pending.Peek(), ReceiveEnd.LimitReached);
            }
            if (received.Data.Length == 0)
            {
                if (received.End == ReceiveEnd.TimedOut)
                {
                    connection.ReplyWaitEnded(wait, answeredAfter: null);
                }
                return new ChatLine(null, (received with { Wait = wait }).DescribeEnd(), Pending.Peek(), received.End);
            }
        }
    }
}

/// <summary>A line read by a <see cref="LineReader"/>, or why none came.</summary>
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
