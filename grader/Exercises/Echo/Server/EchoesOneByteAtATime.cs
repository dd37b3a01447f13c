using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: a message that arrives in one-byte pieces, with pauses, must still come back whole.</summary>
public sealed class EchoesOneByteAtATime : ServerCheck<ServerTarget>
{
    private const int Length = 20;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    public override CheckInfo Info { get; } = new("echo.one-byte-at-a-time", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var message = context.Payloads.Text(context.Payloads.For(Info.Id), Length);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);

        // Receive while sending, so a server that closes after the first byte is shown as such.
        var echo = EchoExchange.ExpectEchoAsync(client, message, context.Cancellation);
        try
        {
            for (int i = 0; i < message.Length && !echo.IsCompleted; i++)
            {
                await client.SendAsync(message.AsMemory(i, 1), context.Cancellation);
                await Task.Delay(Pause, context.Time, context.Cancellation); // the pause makes each byte its own TCP segment
            }
        }
        catch (Wire.WireException)
        {
            // The server broke the connection mid-message: the echo's failure below says what came back.
        }
        await echo;
    }
}
