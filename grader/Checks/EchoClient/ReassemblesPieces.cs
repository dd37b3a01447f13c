using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§8: an echo that arrives in small pieces with pauses is read whole before it is printed.</summary>
public sealed class ReassemblesPieces : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.reassembles-pieces", "§8");

    protected override EchoStyle Style => EchoStyle.InPieces;

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoExchange exchange) =>
        ExpectPrintedEcho(session, exchange.Request, string.Format(Strings.EchoedInPieces, exchange.Pieces, Reports.Durations.Format(EchoPlay.PiecePause)));
}
