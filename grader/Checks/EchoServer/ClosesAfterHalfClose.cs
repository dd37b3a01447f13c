using System.Text;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§3: after the client's half-close, the server sends what it still owes and closes.</summary>
public sealed class ClosesAfterHalfClose(WireLimits limits) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.closes-after-half-close", "§3");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var message = Encoding.UTF8.GetBytes("That is all from me, goodbye.");
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await client.SendAsync(message, cancellationToken);
        client.ShutdownSend();

        var received = await client.ReceiveUntilEndAsync(limits.ReplyTimeout, limits.MaxUnexpectedBytes, cancellationToken);
        if (received.End == ReceiveEnd.Closed)
        {
            EchoExchange.ExpectSame(client, message, received);
            return;
        }
        EchoExchange.ExpectSame(client, message, received with { Data = received.Data[..Math.Min(received.Data.Length, message.Length)] });
        throw new CheckFailedException(received.End switch
        {
            ReceiveEnd.TimedOut => string.Format(Strings.HalfCloseNotClosed, Counted.Bytes(message.Length), Durations.Format(limits.ReplyTimeout)),
            ReceiveEnd.Reset => Strings.HalfCloseReset,
            _ => string.Format(Strings.HalfCloseOther, Counted.Bytes(message.Length), received.DescribeEnd()),
        });
    }
}
