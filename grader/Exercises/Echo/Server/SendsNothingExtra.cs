using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: the server sends back the client's bytes and nothing else: no greeting, no newline, no goodbye.</summary>
public sealed class SendsNothingExtra : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.nothing-extra", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    // Its time is two quiet periods: before anything is sent (a greeting?) and after the echo (a newline, a goodbye?).
    // Alongside other checks the server has shown it serves clients at once, and two clients wait through them
    // together; otherwise one client waits through both, so that a server that serves one client at a time passes.
    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        var silent = EchoExchange.ExpectNothingAsync(client, EchoTexts.WhenBeforeSending, context.Cancellation);
        if (context.SideBySide)
        {
            var talking = ExpectOnlyTheEchoAsync(target, EchoTexts.LabelAnotherClient, context);
            // The silent client's failure first, if both fail: a greeting is what the other one met too.
            await Task.WhenAll(silent, talking);
            return;
        }
        await silent;
        await ExpectOnlyTheEchoAsync(client, context);
    }

    private static async Task ExpectOnlyTheEchoAsync(ServerTarget target, string label, CheckContext context)
    {
        await using var client = await target.ConnectAsync(label, context);
        await ExpectOnlyTheEchoAsync(client, context);
    }

    private static async Task ExpectOnlyTheEchoAsync(Wire.WireConnection client, CheckContext context)
    {
        var message = Encoding.UTF8.GetBytes("ping");
        await EchoExchange.EchoAsync(client, message, context.Cancellation);
        await EchoExchange.ExpectNothingAsync(client, EchoTexts.WhenAfterEcho, context.Cancellation);

        client.ShutdownSend();
        var rest = await client.ReceiveWhileTalkingAsync(context.Cancellation);
        if (rest.Data.Length > 0)
        {
            throw new CheckFailedException(
                EchoTexts.FormatExtraAfterShutdown(Counted.Bytes(rest.Data.Length), ByteText.Quote(rest.Data, 96)));
        }
    }
}
