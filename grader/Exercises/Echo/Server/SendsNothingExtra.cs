using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: the server sends back the client's bytes and nothing else: no greeting, no newline, no goodbye.</summary>
public sealed class SendsNothingExtra : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.nothing-extra", "§2", EchoTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        await EchoExchange.ExpectNothingAsync(client, EchoTexts.WhenBeforeSending, context.Cancellation);

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
