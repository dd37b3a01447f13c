using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§2: a message that arrives in one-byte pieces, with pauses, must still come back whole.</summary>
public sealed class EchoesOneByteAtATime(Payloads payloads, TimeProvider time) : EchoServerCheck
{
    private const int Length = 20;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    public override CheckInfo Info { get; } = new("echo.one-byte-at-a-time", "§2");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        var message = payloads.Text(payloads.For(Info.Id), Length);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, cancellationToken);

        // Receive while sending, so a server that closes after the first byte is shown as such.
        var echo = EchoExchange.ExpectEchoAsync(client, message, cancellationToken);
        try
        {
            for (int i = 0; i < message.Length && !echo.IsCompleted; i++)
            {
                await client.SendAsync(message.AsMemory(i, 1), cancellationToken);
                await Task.Delay(Pause, time, cancellationToken); // the pause makes each byte its own TCP segment
            }
        }
        catch (Wire.WireException)
        {
            // The server broke the connection mid-message: the echo's failure below says what came back.
        }
        await echo;
    }
}
