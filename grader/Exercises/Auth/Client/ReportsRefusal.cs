using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§17: on ERR the client prints the server's reason and exits with a code other than 0.</summary>
public sealed class ReportsRefusal : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.reports-refusal", "§17", AuthTexts.ResourceManager);

    protected override LoginAnswer Answer => LoginAnswer.Refused;

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        if (!(session.Output + session.Errors).Contains(AuthClientUnderTest.RefusalReason, StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthClientNoReason(AuthClientUnderTest.RefusalReason) + "\n" + session.ShowOutput());
        }
        ExpectExit(session, AuthTexts.AfterRefused, success: false);
    }
}
