using System.Text;

namespace SocketExercises.Grader.Checks;

/// <summary>
/// Makes each check's payloads from the run's seed and the check's id, so the same seed gives the same
/// bytes to the same check whichever checks run and in whatever order.
/// </summary>
public sealed class Payloads(GradingOptions options)
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,!?";

    /// <summary>A random source for one check.</summary>
    public Random For(string checkId) => new(options.Seed ^ StableHash(checkId));

    /// <summary><paramref name="length"/> random bytes of any value.</summary>
    public byte[] Bytes(string checkId, int length)
    {
        var bytes = new byte[length];
        For(checkId).NextBytes(bytes);
        return bytes;
    }

    /// <summary>Readable ASCII text, so that a failure message is easy to read.</summary>
    public byte[] Text(Random random, int length) =>
        Encoding.ASCII.GetBytes(random.GetItems(Letters.AsSpan(), length));

    // string.GetHashCode differs between runs; replaying a seed needs a hash that does not (FNV-1a).
    private static int StableHash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }
        return unchecked((int)hash);
    }
}
