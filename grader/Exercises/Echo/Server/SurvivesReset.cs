using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§5: clients that reset their connections (mid-echo and mid-message) do not bring the server down.</summary>
public sealed class SurvivesReset : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.survives-reset", "§5", EchoTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        // One client resets while the server is still echoing to it: the server's send fails. It waits for the echo
        // to begin, so that the server has taken the connection: on a busy machine a connection reset while still in
        // the listener's queue never reaches the server at all, and a server that dies of resets would pass.
        await ResetAfterSendingAsync(target, Strings.FormatLabelClient(1), context.Payloads.Bytes(Info.Id, 64 * 1024), context, echoBegun: true);
        // Another resets in the middle of a message, before anything was echoed: the server's receive fails.
        await ResetAfterSendingAsync(target, Strings.FormatLabelClient(2), "half a mess"u8.ToArray(), context, echoBegun: false);

        await using (var after = await target.ConnectAsync(EchoTexts.LabelClientAfterResets, context))
        {
            await EchoExchange.EchoAsync(after, "still there?", context.Cancellation);
            // A server that dies of the resets may take a moment to do so: wait a quiet period, then try once more.
            await EchoExchange.ExpectNothingAsync(after, EchoTexts.WhenAfterItsEcho, context.Cancellation);
        }
        await using var last = await target.ConnectAsync(EchoTexts.LabelClientMomentLater, context);
        await EchoExchange.EchoAsync(last, "and now?", context.Cancellation);
    }

    private static async Task ResetAfterSendingAsync(ServerTarget target, string label, byte[] data, CheckContext context, bool echoBegun)
    {
        await using var client = await target.ConnectAsync(label, context);
        try
        {
            await client.SendAsync(data, context.Cancellation);
            if (echoBegun)
            {
                await client.ReceiveSomeAsync(context.Limits.ReplyTimeout, 1, context.Cancellation);
            }
        }
        catch (Wire.WireException)
        {
            // The server already dropped this connection: what matters is whether it still serves others.
        }
        client.Reset();
    }
}
