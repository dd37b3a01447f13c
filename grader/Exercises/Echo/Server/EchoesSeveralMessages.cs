using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: one connection, several messages, each echoed before the next is sent.</summary>
public sealed class EchoesSeveralMessages : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.several-messages", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        var random = context.Payloads.For(Info.Id);
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        for (int i = 1; i <= 5; i++)
        {
            var message = context.Payloads.Text(random, random.Next(1, 200));
            await EchoExchange.EchoAsync(client, message, context.Cancellation);
        }
    }
}
