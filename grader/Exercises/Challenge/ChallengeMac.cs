using System.Security.Cryptography;
using System.Text;

namespace SocketExercises.Grader.Exercises.Challenge;

/// <summary>Exercise 04's arithmetic (docs/protocol.md §27–§28): nonces and the MAC that answers one.</summary>
public static class ChallengeMac
{
    public const int NonceDigits = 32;

    public const int MacDigits = 64;

    /// <summary>A nonce as a correct server makes it: 16 bytes from a secure generator, in lowercase hex.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(NonceDigits / 2));

    /// <summary>The MAC that answers <paramref name="nonce"/>, in lowercase hex: HMAC-SHA256 keyed with the password, over the nonce's text.</summary>
    public static string Of(string password, string nonce) => Hex(HMACSHA256.HashData(Utf8(password), Utf8(nonce)));

    /// <summary>Whether <paramref name="text"/> is a nonce of the right form: 32 lowercase hex digits.</summary>
    public static bool IsNonce(string text) => text.Length == NonceDigits && text.All(IsLowerHexDigit);

    public static bool IsLowerHexDigit(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
