using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§1: the server listens and accepts. The first check, so an unreachable server is reported once, here.</summary>
public sealed class AcceptsConnection : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.accepts-connection", "§1", EchoTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var client = await target.ConnectAsync(Strings.LabelTheClient, context);
    }
}
