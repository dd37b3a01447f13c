using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: the client connects to the address it is given.</summary>
public sealed class ChallengeClientConnects : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.connects", "§32", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}
