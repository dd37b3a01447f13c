using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>
/// §27: the challenge comes at once, unasked. The first check, so an unreachable server is reported once, here;
/// and a server that reads before it speaks waits for the client, which waits for it, so it fails here too.
/// </summary>
internal sealed class SendsChallenge : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.sends-challenge", "§27", ChallengeTexts.ResourceManager);

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await ChallengeExchange.ReadChallengeAsync(client, context, first: true);
    }
}
