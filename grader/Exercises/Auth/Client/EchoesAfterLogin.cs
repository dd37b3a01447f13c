using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Echo;
using SocketExercises.Grader.Exercises.Echo.Client;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§17: after OK the client completes the echo exchange and exits with 0.</summary>
public sealed class EchoesAfterLogin : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.echo-after-login", "§17", AuthTexts.ResourceManager);

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        SentMessage.Expect(session, exchange.Request, target.Message);
        PrintedEcho.Expect(session, exchange.Request, AuthTexts.EchoedAfterOk, target.Message);
        ExpectExit(session, EchoTexts.AfterEchoSent, success: true);
    }
}
