using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>The exchanges that echo checks are made of, each failing with a message that shows the bytes.</summary>
internal static class EchoExchange
{
    /// <summary>Sends <paramref name="payload"/> and expects exactly it back.</summary>
    public static async Task EchoAsync(WireConnection connection, byte[] payload, CancellationToken cancellationToken)
    {
        await connection.SendAsync(payload, cancellationToken);
        await ExpectEchoAsync(connection, payload, cancellationToken);
    }

    /// <inheritdoc cref="EchoAsync(WireConnection, byte[], CancellationToken)"/>
    public static Task EchoAsync(WireConnection connection, string text, CancellationToken cancellationToken) =>
        EchoAsync(connection, Encoding.UTF8.GetBytes(text), cancellationToken);

    /// <summary>
    /// Receives as many bytes as <paramref name="sent"/> holds and fails unless they are the same. When they
    /// differ, it reads on for a quiet period, so that the message counts all that came back (a server that
    /// turns each invalid byte into three sends more than it was sent), not just what was compared.
    /// </summary>
    public static async Task ExpectEchoAsync(WireConnection connection, byte[] sent, CancellationToken cancellationToken)
    {
        var received = await connection.ReceiveAsync(sent.Length, cancellationToken);
        var more = received.End == ReceiveEnd.Complete && !received.Data.AsSpan().SequenceEqual(sent)
            ? await connection.ReceiveWhileTalkingAsync(cancellationToken)
            : null;
        ExpectSame(connection, sent, received, more);
    }

    /// <summary>Fails unless <paramref name="received"/> is exactly the echo of <paramref name="sent"/>.</summary>
    /// <param name="more">What came after the bytes compared, when the grader read on; it is counted, not compared.</param>
    public static void ExpectSame(WireConnection connection, byte[] sent, Received received, Received? more = null)
    {
        if (received.Data.AsSpan().SequenceEqual(sent))
        {
            return;
        }
        string how = received.End != ReceiveEnd.Complete
            ? EchoTexts.FormatEchoCameBackThenEnd(Counted.Bytes(received.Data.Length), received.DescribeEnd())
            : more is { Data.Length: > 0 } after
                ? EchoTexts.FormatEchoCameBackDifferentWithMore(Counted.Bytes(received.Data.Length + after.Data.Length), Counted.Bytes(received.Data.Length))
                    + (after.End == ReceiveEnd.LimitReached ? EchoTexts.EchoCameBackStillComing : "")
                : EchoTexts.FormatEchoCameBackDifferent(Counted.Bytes(received.Data.Length));
        throw new CheckFailedException(
            EchoTexts.FormatEchoExpectedBack(Sentences.Capitalized(connection.Label), Counted.Bytes(sent.Length), how) + "\n"
            + ByteDiff.Describe(sent, received.Data));
    }

    /// <summary>
    /// Fails if anything arrives before a quiet period passes: the server must send only echoes. A close is
    /// not this expectation's concern; the exchanges that need the connection open report it.
    /// </summary>
    public static async Task ExpectNothingAsync(WireConnection connection, string when, CancellationToken cancellationToken)
    {
        var received = await connection.ReceiveWhileTalkingAsync(cancellationToken);
        if (received.Data.Length > 0)
        {
            throw new CheckFailedException(
                EchoTexts.FormatEchoUnexpectedBytes(Sentences.Capitalized(connection.Label), Counted.Bytes(received.Data.Length), when, ByteText.Quote(received.Data, 96)));
        }
    }
}
