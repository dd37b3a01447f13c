using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29: a wrong MAC gets ERR and the close, and the data sent with it is not echoed.</summary>
internal sealed class RejectsWrongMac : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-wrong-mac", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        var random = context.Payloads.For(Info.Id);
        string wrong = ChallengeMac.Hex(Enumerable.Range(0, ChallengeMac.MacDigits / 2).Select(_ => (byte)random.Next(256)).ToArray());
        return ChallengeExchange.ExpectRefusedAsync(
            target,
            _ => [.. AuthServerTarget.Line("AUTH " + wrong), .. "not to be echoed"u8],
            line => ChallengeTexts.FormatWhatWrongMac(AuthExchange.Show(line)),
            context);
    }
}
