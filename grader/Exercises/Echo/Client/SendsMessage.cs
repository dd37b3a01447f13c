using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§7: the client sends its message, all of it and only it.</summary>
public sealed class SendsMessage : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.sends-message", "§7", EchoTexts.ResourceManager);

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange) =>
        SentMessage.Expect(session, exchange.Request, client.Message);
}
