using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29/§31: exercise 02's login, the password in clear, is refused.</summary>
internal sealed class RejectsPasswordInClear : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-password-in-clear", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override Task RunAsync(ChallengeServerTarget target, CheckContext context) =>
        ChallengeExchange.ExpectRefusedAsync(
            target,
            _ => AuthServerTarget.Line("AUTH " + target.Password),
            line => ChallengeTexts.FormatWhatPasswordInClear(AuthExchange.Show(line)),
            context);
}
