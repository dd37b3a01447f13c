using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§8: an echo that arrives in small pieces with pauses is read whole before it is printed.</summary>
public sealed class ReassemblesPieces : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.reassembles-pieces", "§8", EchoTexts.ResourceManager);

    protected override EchoStyle Style => EchoStyle.InPieces;

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange) =>
        PrintedEcho.Expect(session, exchange.Request, EchoTexts.FormatEchoedInPieces(exchange.Pieces, Durations.Format(EchoPlay.PiecePause)), client.Message);
}
