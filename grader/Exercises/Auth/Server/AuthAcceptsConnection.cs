using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§1: the server listens and accepts. The first check, so an unreachable server is reported once, here.</summary>
public sealed class AuthAcceptsConnection : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.accepts-connection", "§1", AuthTexts.ResourceManager);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
    }
}
