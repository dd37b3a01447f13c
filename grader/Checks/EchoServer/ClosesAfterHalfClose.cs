using System.Text;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§3: after the client's half-close, the server sends what it still owes and closes.</summary>
public sealed class ClosesAfterHalfClose(WireLimits limits) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.closes-after-half-close", "§3");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var message = Encoding.UTF8.GetBytes("That is all from me, goodbye.");
        await using var client = await target.ConnectAsync("the client", cancellationToken);
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
            ReceiveEnd.TimedOut => $"The client sent {message.Length} bytes and shut down its sending side. The echo came back, but the server did not close the connection within {Durations.Format(limits.ReplyTimeout)}.",
            ReceiveEnd.Reset => "The client sent its message and shut down its sending side. The server reset the connection instead of closing it normally.",
            _ => $"The client sent {message.Length} bytes and shut down its sending side; {received.DescribeEnd()}, without closing.",
        });
    }
}
