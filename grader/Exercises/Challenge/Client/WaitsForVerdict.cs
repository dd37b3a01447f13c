using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: nothing more is sent before the server's verdict.</summary>
public sealed class WaitsForVerdict : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.waits-for-verdict", "§32", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        if (exchange.Login.Early.Length > 0)
        {
            throw new CheckFailedException(ChallengeTexts.FormatClientEarly(ByteText.Quote(exchange.Login.Early, 96)));
        }
    }
}
