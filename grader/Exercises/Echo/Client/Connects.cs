using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>§6: the client connects to the address it is given. Checked first, so a client that never connects is reported once.</summary>
public sealed class Connects : EchoClientCheck
{
    public override CheckInfo Info { get; } = new("echo-client.connects", "§6", EchoTexts.ResourceManager);

    protected override void Judge(EchoClientUnderTest client, ClientSession session, EchoClientExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}
