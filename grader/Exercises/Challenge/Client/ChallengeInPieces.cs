using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>§32: a challenge that arrives in pieces is read whole: the MAC answers all 32 digits of the nonce.</summary>
public sealed class ChallengeInPieces : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.challenge-in-pieces", "§32", ChallengeTexts.ResourceManager);

    protected override ChallengeRun Run => ChallengeRun.ChallengeInPieces;

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        string pieces = string.Join(", ", ChallengeClientUnderTest.Pieces(exchange.Nonce).Select(p => ByteText.Quote(ChallengeMac.Utf8(p))));
        AnswersChallenge.ExpectRightMac(target, session, exchange, ChallengeTexts.FormatClientMacInPieces(pieces));
    }
}
