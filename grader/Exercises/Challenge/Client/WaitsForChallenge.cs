using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: nothing is sent before the challenge.</summary>
public sealed class WaitsForChallenge : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.waits-for-challenge", "§32", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        if (exchange.BeforeChallenge.Length > 0)
        {
            throw new CheckFailedException(ChallengeTexts.FormatClientSentBeforeChallenge(ByteText.Quote(exchange.BeforeChallenge, 96)));
        }
    }
}
