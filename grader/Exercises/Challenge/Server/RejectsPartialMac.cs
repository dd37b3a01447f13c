using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>
/// §29: a MAC right only in part is refused: its first half (caught where the server compares what it got with
/// the start of what it expects), and the whole MAC with two digits more (caught where it compares the other way).
/// </summary>
internal sealed class RejectsPartialMac : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-partial-mac", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await ChallengeExchange.ExpectRefusedAsync(
            target,
            nonce => AuthServerTarget.Line("AUTH " + ChallengeMac.Of(target.Password, nonce)[..(ChallengeMac.MacDigits / 2)]),
            line => ChallengeTexts.FormatWhatTruncated(AuthExchange.Show(line)),
            context);
        await ChallengeExchange.ExpectRefusedAsync(
            target,
            nonce => AuthServerTarget.Line("AUTH " + ChallengeMac.Of(target.Password, nonce) + "00"),
            line => ChallengeTexts.FormatWhatExtended(AuthExchange.Show(line)),
            context);
    }
}
