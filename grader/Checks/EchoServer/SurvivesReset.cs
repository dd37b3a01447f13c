using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§5: clients that reset their connections (mid-echo and mid-message) do not bring the server down.</summary>
public sealed class SurvivesReset(Payloads payloads) : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.survives-reset", "§5");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        // One client resets while the server is still echoing to it: the server's send fails.
        await ResetAfterSendingAsync(target, string.Format(Strings.LabelClient, 1), payloads.Bytes(Info.Id, 64 * 1024), cancellationToken);
        // Another resets in the middle of a message, before anything was echoed: the server's receive fails.
        await ResetAfterSendingAsync(target, string.Format(Strings.LabelClient, 2), "half a mess"u8.ToArray(), cancellationToken);

        await using (var after = await target.ConnectAsync(Strings.LabelClientAfterResets, cancellationToken))
        {
            await EchoExchange.EchoAsync(after, "still there?", cancellationToken);
            // A server that dies of the resets may take a moment to do so: wait a quiet period, then try once more.
            await EchoExchange.ExpectNothingAsync(after, Strings.WhenAfterItsEcho, cancellationToken);
        }
        await using var last = await target.ConnectAsync(Strings.LabelClientMomentLater, cancellationToken);
        await EchoExchange.EchoAsync(last, "and now?", cancellationToken);
    }

    private static async Task ResetAfterSendingAsync(ServerTarget target, string label, byte[] data, CancellationToken cancellationToken)
    {
        await using var client = await target.ConnectAsync(label, cancellationToken);
        try
        {
            await client.SendAsync(data, cancellationToken);
        }
        catch (Wire.WireException)
        {
            // The server already dropped this connection: what matters is whether it still serves others.
        }
        client.Reset();
    }
}
