using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§8: an echo that arrives in small pieces with pauses is read whole before it is printed.</summary>
public sealed class ReassemblesPieces : EchoClientCheck
{
    public override CheckInfo Info { get; } = new(
        "echo-client.reassembles-pieces",
        "prints the whole echo when it arrives in small pieces",
        "§8",
        "One ReceiveAsync returns whatever has arrived so far, which may be only the first few bytes. Keep receiving until you have as many bytes back as you sent (or the server closes).");

    protected override EchoStyle Style => EchoStyle.InPieces;

    protected override void Judge(ClientUnderTest client, ClientSession session)
    {
        if (session.Request.Length == 0)
        {
            throw new CheckFailedException("The client sent nothing, so there was no echo to reassemble.");
        }
        if (!PrintedEcho(session))
        {
            throw new CheckFailedException(
                $"The grader echoed {ByteText.Quote(session.Request, 96)} in {session.Pieces} small pieces, 50 ms apart, and the client's output does not contain all of it.\n{session.ShowOutput()}");
        }
    }
}
