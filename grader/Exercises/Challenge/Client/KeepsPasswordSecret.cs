using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>
/// §31: the password is nowhere in what the client sent to log in, in any form the grader, as an eavesdropper,
/// can recognise. The right MAC is taken out first, so a short password that happens to be hex digits is not
/// found in it; the message sent after OK is the user's, not the login's, and is not searched.
/// </summary>
public sealed class KeepsPasswordSecret : ChallengeClientCheck
{
    public override CheckInfo Info { get; } = new("challenge-client.keeps-password-secret", "§31", ChallengeTexts.ResourceManager);

    protected override void Judge(ChallengeClientUnderTest target, ClientSession session, ChallengeClientExchange exchange)
    {
        string mac = ChallengeMac.Of(target.Password, exchange.Nonce);
        byte[] sent = [.. Remove(Remove(exchange.LoginBytes, Encoding.ASCII.GetBytes(mac)), Encoding.ASCII.GetBytes(mac.ToUpperInvariant()))];
        byte[] password = ChallengeMac.Utf8(target.Password);
        (byte[] Bytes, string Name)[] forms =
        [
            (password, ChallengeTexts.FormRaw),
            (Encoding.ASCII.GetBytes(ChallengeMac.Hex(password)), ChallengeTexts.FormHexLower),
            (Encoding.ASCII.GetBytes(Convert.ToHexString(password)), ChallengeTexts.FormHexUpper),
            (Encoding.ASCII.GetBytes(Convert.ToBase64String(password).TrimEnd('=')), ChallengeTexts.FormBase64),
            (Encoding.Unicode.GetBytes(target.Password), ChallengeTexts.FormUtf16Le),
            (Encoding.BigEndianUnicode.GetBytes(target.Password), ChallengeTexts.FormUtf16Be),
        ];
        if (forms.FirstOrDefault(f => sent.AsSpan().IndexOf(f.Bytes) >= 0) is { Name: { } form })
        {
            throw new CheckFailedException(ChallengeTexts.FormatClientPasswordSent(form));
        }
    }

    private static byte[] Remove(byte[] data, byte[] part)
    {
        int at = data.AsSpan().IndexOf(part);
        return at < 0 ? data : [.. data[..at], .. data[(at + part.Length)..]];
    }
}
