using System;
using System.Collections.Generic;
using System.Linq;

namespace SocketExercises.Analyzer;

/// <summary>
/// What a name says its value is. Code says what it holds in its names (<c>password</c>, <c>expectedMac</c>,
/// <c>nonce</c>), so the rules find secrets as a reader would. The noun of a name is its last word, or the one
/// before words that only say how it is held (<c>passwordBytes</c>), so <c>PasswordVariable</c>, the name of an
/// environment variable, and <c>passwordPrompt</c> are not secrets.
/// </summary>
internal static class Names
{
    private static readonly HashSet<string> SecretNouns = new(StringComparer.Ordinal)
    {
        "password", "passwd", "pwd", "passphrase", "secret", "mac", "hmac", "lozinka", "tajna",
    };

    // "key" alone is as often a dictionary's; after one of these it is a secret.
    private static readonly HashSet<string> KeyKinds = new(StringComparer.Ordinal)
    {
        "secret", "shared", "hmac", "mac", "private", "signing", "api", "session",
    };

    private static readonly HashSet<string> UnpredictableNouns = new(StringComparer.Ordinal)
    {
        "nonce", "challenge", "salt", "token", "secret", "key", "password", "iv", "otp", "izazov",
    };

    // Words after the noun that say how the value is held, not what it is.
    private static readonly HashSet<string> Forms = new(StringComparer.Ordinal)
    {
        "bytes", "hash", "hashed", "line", "text", "utf8", "span", "memory", "value", "string", "str", "data", "hex",
        "base64", "digest", "buffer", "chars", "expected", "given", "received", "sent", "guess",
    };

    /// <summary>Whether a value with this name is a password, a key or a MAC.</summary>
    public static bool IsSecret(string name) => NounIs(name, (words, i) =>
        SecretNouns.Contains(words[i]) || (words[i] == "key" && i > 0 && KeyKinds.Contains(words[i - 1])));

    /// <summary>Whether a value with this name must be unpredictable: a nonce, a challenge, a salt, a key, a token.</summary>
    public static bool MustBeUnpredictable(string name) => NounIs(name, (words, i) => UnpredictableNouns.Contains(words[i]));

    private static bool NounIs(string name, Func<List<string>, int, bool> noun)
    {
        var words = Words(name);
        for (int i = words.Count - 1; i >= 0; i--)
        {
            if (noun(words, i))
            {
                return true;
            }
            if (!Forms.Contains(words[i]))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The words of an identifier, lower-case: <c>_expectedMAC_bytes</c> is expected, mac, bytes.</summary>
    public static List<string> Words(string name)
    {
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i <= name.Length; i++)
        {
            bool boundary = i == name.Length || !char.IsLetterOrDigit(name[i])
                || (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1])
                    || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
            if (boundary && start >= 0)
            {
                words.Add(name.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
            if (i < name.Length && char.IsLetterOrDigit(name[i]) && start < 0)
            {
                start = i;
            }
        }
        return words.Where(w => w.Length > 0).ToList();
    }
}
