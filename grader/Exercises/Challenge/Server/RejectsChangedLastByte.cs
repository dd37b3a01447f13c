using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29: a MAC right in all but its last byte is refused: the comparison covers every byte.</summary>
internal sealed class RejectsChangedLastByte : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-changed-last-byte", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override Task RunAsync(ChallengeServerTarget target, CheckContext context) =>
        ChallengeExchange.ExpectRefusedAsync(
            target,
            nonce =>
            {
                var mac = Convert.FromHexString(ChallengeMac.Of(target.Password, nonce));
                mac[^1] ^= 0x01;
                return AuthServerTarget.Line("AUTH " + ChallengeMac.Hex(mac));
            },
            line => ChallengeTexts.FormatWhatChangedLastByte(AuthExchange.Show(line)),
            context);
}
