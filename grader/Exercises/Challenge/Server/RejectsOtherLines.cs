using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29: an empty MAC, an empty line, and another command carrying the right MAC are each refused.</summary>
internal sealed class RejectsOtherLines : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-other-lines", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        Func<string, string>[] lines =
        [
            _ => "AUTH ",
            _ => "",
            nonce => "LOGIN " + ChallengeMac.Of(target.Password, nonce),
        ];
        foreach (var line in lines)
        {
            await ChallengeExchange.ExpectRefusedAsync(
                target,
                nonce => AuthServerTarget.Line(line(nonce)),
                sent => ChallengeTexts.FormatWhatOtherLine(AuthExchange.Show(sent)),
                context);
        }
    }
}
