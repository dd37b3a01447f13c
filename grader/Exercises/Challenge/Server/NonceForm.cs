using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§27: the nonce is 32 lowercase hex digits, and the message says which part of that it is not.</summary>
internal sealed class NonceForm : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.nonce-form", "§27", ChallengeTexts.ResourceManager);

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        string nonce = await ChallengeExchange.ReadChallengeAsync(client, context);
        if (ChallengeMac.IsNonce(nonce))
        {
            return;
        }
        var wrong = new List<string>();
        if (nonce.Length != ChallengeMac.NonceDigits)
        {
            wrong.Add(ChallengeTexts.FormatNonceLength(nonce.Length));
        }
        if (nonce.Any(char.IsAsciiLetterUpper))
        {
            wrong.Add(ChallengeTexts.NonceUpperCase);
        }
        if (!nonce.All(c => ChallengeMac.IsLowerHexDigit(char.ToLowerInvariant(c))))
        {
            wrong.Add(ChallengeTexts.NonceNotHex);
        }
        throw new CheckFailedException(ChallengeTexts.FormatNonceForm(ByteText.Quote(ChallengeMac.Utf8(nonce), 96), string.Join(", ", wrong)));
    }
}
