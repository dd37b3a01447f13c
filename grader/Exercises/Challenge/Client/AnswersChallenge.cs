using System.Security.Cryptography;
using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>
/// §28: the answer is <c>AUTH</c> and the HMAC of the nonce it was sent. A wrong MAC is compared with what the
/// usual mistakes make of the same nonce and password, and the message names the one it is.
/// </summary>
public sealed class AnswersChallenge : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.answers-challenge", "§28", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange) =>
        ExpectRightMac(target, session, exchange, "");

    /// <param name="how">How the challenge came, said before the failure; empty when it came at once.</param>
    internal static void ExpectRightMac(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange, string how)
    {
        string line = Encoding.UTF8.GetString(exchange.Login.Line).TrimEnd('\r');
        string expected = ChallengeMac.Of(target.Password, exchange.Nonce);
        if (!line.StartsWith("AUTH ", StringComparison.Ordinal))
        {
            string sent = exchange.Login.Line.Length == 0 ? ChallengeTexts.ClientSentNothing : ByteText.Quote(exchange.Login.Line, 96);
            throw new CheckFailedException(how + ChallengeTexts.FormatClientNoAuth(sent) + "\n" + session.ShowOutput());
        }
        string mac = line["AUTH ".Length..];
        if (!string.Equals(mac, expected, StringComparison.OrdinalIgnoreCase))
        {
            string which = Mistake(target.Password, exchange.Nonce, mac, how.Length > 0) is { } mistake
                ? ChallengeTexts.FormatClientMacIs(mistake)
                : ChallengeTexts.ClientMacUnknown;
            throw new CheckFailedException(
                how + ChallengeTexts.FormatClientWrongMac(Quote(exchange.Nonce), Quote(expected), ByteText.Quote(exchange.Login.Line, 96)) + " " + which);
        }
        if (!exchange.Login.Ended)
        {
            throw new CheckFailedException(how + ChallengeTexts.FormatClientMacNoNewline(ByteText.Quote(exchange.Login.Line, 96)));
        }
    }

    // What the usual mistakes send for this nonce and password, and what each is called; null when it is none of them.
    // When the challenge came in pieces, a MAC of the nonce read only up to a piece's end is one too.
    private static string? Mistake(string password, string nonce, string sent, bool inPieces)
    {
        byte[] key = ChallengeMac.Utf8(password);
        byte[] text = ChallengeMac.Utf8(nonce);
        (string Mac, string Name)[] mistakes =
        [
            (password, ChallengeTexts.MistakePassword),
            (ChallengeMac.Hex(HMACSHA256.HashData(text, key)), ChallengeTexts.MistakeSwapped),
            (ChallengeMac.Hex(SHA256.HashData([.. key, .. text])), ChallengeTexts.MistakeSha256),
            (ChallengeMac.Hex(SHA256.HashData([.. text, .. key])), ChallengeTexts.MistakeSha256),
            (ChallengeMac.Hex(HMACSHA256.HashData(key, Convert.FromHexString(nonce))), ChallengeTexts.MistakeNonceBytes),
            (ChallengeMac.Hex(HMACSHA256.HashData(key, ChallengeMac.Utf8(nonce + "\n"))), ChallengeTexts.MistakeNewline),
            (ChallengeMac.Hex(HMACSHA256.HashData(key, ChallengeMac.Utf8(nonce + "\r\n"))), ChallengeTexts.MistakeNewline),
            .. (inPieces ? ChallengeClientUnderTest.Pieces(nonce).Take(2) : []).Select((_, i) =>
            {
                string read = string.Concat(ChallengeClientUnderTest.Pieces(nonce).Take(i + 1))["CHALLENGE ".Length..];
                return (ChallengeMac.Hex(HMACSHA256.HashData(key, ChallengeMac.Utf8(read))), ChallengeTexts.FormatMistakePartialNonce(Quote(read)));
            }),
        ];
        return mistakes.FirstOrDefault(m => string.Equals(m.Mac, sent, StringComparison.OrdinalIgnoreCase)).Name;
    }

    private static string Quote(string text) => ByteText.Quote(ChallengeMac.Utf8(text), 96);
}
