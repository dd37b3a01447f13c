using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§11: the right password gets OK, and then the server echoes.</summary>
internal sealed class AcceptsRightPassword : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.accepts-right-password", "§11", AuthTexts.ResourceManager);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await AuthExchange.LogInAndEchoAsync(client, target, "Hello after logging in, čćžšđ", context.Cancellation);
    }
}
