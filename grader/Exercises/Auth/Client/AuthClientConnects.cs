using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§6: the client connects to the address it is given.</summary>
public sealed class AuthClientConnects : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.connects", "§6", AuthTexts.ResourceManager);

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}
