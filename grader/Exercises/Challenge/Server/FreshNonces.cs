using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>
/// §27: every connection gets a new nonce no one can predict. Judged from nonces of connections made at the same
/// moment: a constant or a clock-seeded <c>System.Random</c> repeats one; a counter or a timestamp changes only a few
/// digits from one to the next; a weak generator uses few distinct digits. Random nonces do none of these except
/// with a probability far below one in a billion.
/// </summary>
internal sealed class FreshNonces : ServerCheck<ChallengeServerTarget>
{
    private const int Connections = 16;

    // Two random nonces differ in about 30 of 32 digits, and in fewer than 12 with a probability near 1e-20.
    private const int MinDifferentDigits = 12;

    // A random nonce uses about 14 of the 16 digits, and fewer than 7 with a probability near 1e-9.
    private const int MinDistinctDigits = 7;

    public override CheckInfo Info { get; } = new("challenge.fresh-nonces", "§27", ChallengeTexts.ResourceManager);

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        var nonces = await Task.WhenAll(Enumerable.Range(1, Connections).Select(async i =>
        {
            await using var client = await target.Server.ConnectAsync(Strings.FormatLabelClient(i), context);
            return await ChallengeExchange.ReadChallengeAsync(client, context);
        }));

        for (int i = 0; i < nonces.Length; i++)
        {
            for (int j = i + 1; j < nonces.Length; j++)
            {
                if (nonces[i] == nonces[j])
                {
                    throw new CheckFailedException(ChallengeTexts.FormatNonceRepeated(i + 1, j + 1, Quote(nonces[i])));
                }
            }
        }
        // Both limits are for nonces of the right length; a shorter one, which its own check fails, is judged in proportion.
        if (nonces.FirstOrDefault(n => n.Length >= ChallengeMac.NonceDigits && n.Distinct().Count() < MinDistinctDigits) is { } plain)
        {
            throw new CheckFailedException(ChallengeTexts.FormatNonceFewDigits(Quote(plain), plain.Distinct().Count()));
        }
        int shortest = nonces.Min(n => n.Length);
        int minDifferent = Math.Max(1, MinDifferentDigits * Math.Min(shortest, ChallengeMac.NonceDigits) / ChallengeMac.NonceDigits);
        for (int i = 0; i < nonces.Length; i++)
        {
            for (int j = i + 1; j < nonces.Length; j++)
            {
                int differ = DifferentDigits(nonces[i], nonces[j]);
                if (differ < minDifferent)
                {
                    throw new CheckFailedException(ChallengeTexts.FormatNonceClose(i + 1, j + 1, Quote(nonces[i]), Quote(nonces[j]), differ));
                }
            }
        }
    }

    // Digit by digit, as a counter or a clock would change them; a nonce of another length differs where the other has none.
    private static int DifferentDigits(string a, string b) =>
        Enumerable.Range(0, Math.Max(a.Length, b.Length)).Count(k => k >= a.Length || k >= b.Length || a[k] != b[k]);

    private static string Quote(string nonce) => ByteText.Quote(ChallengeMac.Utf8(nonce), 96);
}
