using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>§8: the client prints the echo it got back.</summary>
public sealed class PrintsEcho : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.prints-echo", "§8");

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoExchange exchange) =>
        ExpectPrintedEcho(session, exchange.Request, Strings.EchoedAtOnce);
}
