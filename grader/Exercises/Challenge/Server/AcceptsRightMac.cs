using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§28–§29: the right MAC gets OK, and then the server echoes.</summary>
internal sealed class AcceptsRightMac : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.accepts-right-mac", "§29", ChallengeTexts.ResourceManager);

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await target.LogInAsync(client, context);
        await EchoExchange.EchoAsync(client, "Hello after the challenge, čćžšđ", context.Cancellation);
    }
}
