using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§9: after the echo the client exits by itself, with code 0.</summary>
public sealed class ExitsZero : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.exits-zero", "§9", EchoTexts.ResourceManager);

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange) =>
        ExpectExit(session, EchoTexts.AfterEchoSent, success: true);
}
