using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Echo.Client;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§17: an OK that arrives in pieces is read whole.</summary>
public sealed class ReadsOkInPieces : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.ok-in-pieces", "§17", AuthTexts.ResourceManager);

    protected override LoginAnswer Answer => LoginAnswer.OkInPieces;

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange) =>
        PrintedEcho.Expect(session, exchange.Request, AuthTexts.FormatEchoedAfterOkInPieces(Durations.Format(EchoPlay.PiecePause)), target.Message);
}
