using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§3: after the client's half-close, the server sends what it still owes and closes.</summary>
public sealed class ClosesAfterHalfClose : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.closes-after-half-close", "§3", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var message = Encoding.UTF8.GetBytes("That is all from me, goodbye.");
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        await client.SendAsync(message, context.Cancellation);
        client.ShutdownSend();

        var received = await client.ReceiveUntilEndAsync(context.Limits.ReplyTimeout, context.Limits.MaxUnexpectedBytes, context.Cancellation);
        if (received.End == ReceiveEnd.Closed)
        {
            EchoExchange.ExpectSame(client, message, received);
            return;
        }
        EchoExchange.ExpectSame(client, message, received with { Data = received.Data[..Math.Min(received.Data.Length, message.Length)] });
        throw new CheckFailedException(received.End switch
        {
            ReceiveEnd.TimedOut => EchoTexts.FormatHalfCloseNotClosed(Counted.Bytes(message.Length), Durations.Format(context.Limits.ReplyTimeout)),
            ReceiveEnd.Reset => EchoTexts.HalfCloseReset,
            _ => EchoTexts.FormatHalfCloseOther(Counted.Bytes(message.Length), received.DescribeEnd()),
        });
    }
}
