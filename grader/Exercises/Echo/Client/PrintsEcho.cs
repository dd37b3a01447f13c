using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§8: the client prints the echo it got back.</summary>
public sealed class PrintsEcho : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.prints-echo", "§8", EchoTexts.ResourceManager);

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange) =>
        PrintedEcho.Expect(session, exchange.Request, EchoTexts.EchoedAtOnce, client.Message);
}
