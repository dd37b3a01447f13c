using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§2: the simplest echo, the course's own message.</summary>
public sealed class EchoesShortMessage : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.short-message", "§2", EchoTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
        await EchoExchange.EchoAsync(client, "Hello, world", context.Cancellation);
    }
}
