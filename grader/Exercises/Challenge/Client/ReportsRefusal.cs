using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Auth;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: on ERR the client prints the server's reason and exits with a code other than 0.</summary>
public sealed class ReportsRefusal : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.reports-refusal", "§32", ChallengeTexts.ResourceManager);

    protected override ChallengeRun Run => ChallengeRun.Refused;

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        if (!(session.Output + session.Errors).Contains(ChallengeClientUnderTest.RefusalReason, StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthClientNoReason(ChallengeClientUnderTest.RefusalReason) + "\n" + session.ShowOutput());
        }
        ExpectExit(session, ChallengeTexts.AfterRefused, success: false);
    }
}
