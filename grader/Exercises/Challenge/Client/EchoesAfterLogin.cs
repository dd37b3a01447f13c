using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Auth;
using SocketExercises.Grader.Exercises.Echo;
using SocketExercises.Grader.Exercises.Echo.Client;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: after OK the client completes the echo exchange and exits with 0.</summary>
public sealed class EchoesAfterLogin : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.echo-after-login", "§32", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        SentMessage.Expect(session, exchange.Request, target.Message);
        PrintedEcho.Expect(session, exchange.Request, AuthTexts.EchoedAfterOk, target.Message);
        ExpectExit(session, EchoTexts.AfterEchoSent, success: true);
    }
}
