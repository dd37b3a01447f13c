using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§9: after the echo the client exits by itself, with code 0.</summary>
public sealed class ExitsZero : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.exits-zero", "§9");

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoExchange exchange) =>
        ExpectExit(session, client.Server.Limits.ExitTimeout, Strings.AfterEchoSent, success: true);
}
