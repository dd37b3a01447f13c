using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>The exchanges that login checks are made of, each failing with a message that shows the bytes.</summary>
internal static class AuthExchange
{
    private static readonly byte[] Ok = "OK\n"u8.ToArray();

    /// <summary>Sends the right login and expects exactly OK.</summary>
    public static async Task LogInAsync(WireConnection connection, AuthServerTarget target, CancellationToken cancellationToken)
    {
        await connection.SendAsync(target.RightLogin, cancellationToken);
        await ExpectOkAsync(connection, AuthTexts.AuthWhatRightPassword, cancellationToken);
    }

    /// <summary>Logs in on <paramref name="client"/> and expects <paramref name="message"/> echoed: a client served in full.</summary>
    public static async Task LogInAndEchoAsync(WireConnection client, AuthServerTarget target, string message, CancellationToken cancellationToken)
    {
        await LogInAsync(client, target, cancellationToken);
        await EchoExchange.EchoAsync(client, message, cancellationToken);
    }

    /// <summary>Expects the answer <c>OK\n</c> and nothing before it.</summary>
    public static async Task ExpectOkAsync(WireConnection connection, string what, CancellationToken cancellationToken)
    {
        var answer = await connection.ReceiveAsync(Ok.Length, cancellationToken);
        if (answer.Data.AsSpan().SequenceEqual(Ok))
        {
            return;
        }
        if (answer.Data.AsSpan().StartsWith("ERR"u8))
        {
            var rest = await connection.ReceiveUntilEndAsync(connection.Limits.QuietPeriod, 1024, cancellationToken);
            throw new CheckFailedException(
                AuthTexts.FormatAuthOkRefused(Sentences.Capitalized(connection.Label), what, ByteText.Quote([.. answer.Data, .. rest.Data], 96)));
        }
        throw new CheckFailedException(
            AuthTexts.FormatAuthOkExpected(Sentences.Capitalized(connection.Label), what, answer.End == ReceiveEnd.Complete ? AuthTexts.AuthOkOtherBytes : AuthTexts.FormatAuthOkThen(answer.DescribeEnd())) + "\n"
            + ByteDiff.Describe(Ok, answer.Data));
    }

    /// <summary>
    /// Expects the login to be refused: exactly one line <c>ERR &lt;reason&gt;\n</c>, then the close, within
    /// <paramref name="wait"/> (the reply timeout when not given). Nothing the client sent may come back.
    /// </summary>
    public static async Task ExpectRefusalAsync(WireConnection connection, string what, CancellationToken cancellationToken, TimeSpan? wait = null)
    {
        var first = await connection.ReceiveSomeAsync(wait ?? connection.Limits.ReplyTimeout, 2048, cancellationToken);
        if (first.Data.AsSpan().StartsWith("OK"u8))
        {
            throw new CheckFailedException(AuthTexts.FormatAuthAccepted(what, ByteText.Quote(first.Data, 96)));
        }
        var answer = first;
        if (first.End == ReceiveEnd.Complete) // the first read ended nothing: the rest of the line, and the close, may follow
        {
            var rest = await connection.ReceiveUntilEndAsync(wait ?? connection.Limits.ReplyTimeout, 2048, cancellationToken);
            answer = rest with { Data = [.. first.Data, .. rest.Data] };
        }
        var data = answer.Data.AsSpan();
        int newline = data.IndexOf((byte)'\n');
        bool oneErrLine = data.StartsWith("ERR "u8) && newline > "ERR ".Length && newline == data.Length - 1;
        if (!oneErrLine)
        {
            string received = answer.Data.Length == 0 ? AuthTexts.ReceivedNothing : ByteText.Quote(answer.Data, 96);
            throw new CheckFailedException(
                AuthTexts.FormatAuthRefusalMalformed(what, received, answer.DescribeEnd()));
        }
        if (answer.End is not (ReceiveEnd.Closed or ReceiveEnd.Reset))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthRefusalNotClosed(what, ByteText.Quote(answer.Data), answer.DescribeEnd()));
        }
    }

    /// <summary>Sends <paramref name="line"/> on a new connection and expects it refused.</summary>
    public static async Task ExpectRefusedAsync(AuthServerTarget target, byte[] line, string what, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await client.SendAsync(line, context.Cancellation);
        await ExpectRefusalAsync(client, what, context.Cancellation);
    }

    /// <summary>How a line reads in a message: <c>"AUTH secreT\n"</c>.</summary>
    public static string Show(byte[] line) => ByteText.Quote(line, 96);

    /// <summary>How a line reads in a message when built from text.</summary>
    public static string Show(string text) => Show(Encoding.UTF8.GetBytes(text));
}
