using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>
/// What every client that sends the message it was given must have sent: exactly its UTF-8 bytes. A failure
/// says which mistake the bytes show: nothing sent, another encoding, a message of its own, or something else.
/// </summary>
internal static class SentMessage
{
    // The encodings a first client reaches for instead of UTF-8, and what each makes of the message.
    private static readonly (string Name, Encoding Encoding)[] OtherEncodings =
    [
        ("ASCII", Encoding.ASCII),
        ("Latin-1", Encoding.Latin1),
        ("UTF-16", Encoding.Unicode),
        ("UTF-16 big-endian", Encoding.BigEndianUnicode),
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Expect(ClientSession session, byte[] sent, string message)
    {
        var expected = Encoding.UTF8.GetBytes(message);
        if (sent.AsSpan().SequenceEqual(expected))
        {
            return;
        }
        if (sent.Length == 0)
        {
            throw new CheckFailedException(EchoTexts.FormatClientConnectedSentNothing(ByteText.Quote(expected)) + "\n" + session.ShowOutput());
        }
        if (EncodedAs(sent, message) is { } encoding)
        {
            throw new CheckFailedException(
                EchoTexts.FormatClientWrongEncoding(encoding, ByteText.Quote(sent, 96), ByteText.Quote(expected, 96)) + "\n" + ByteDiff.Describe(expected, sent));
        }
        if (Text(sent) is { } text && !text.StartsWith(message, StringComparison.Ordinal) && !message.StartsWith(text, StringComparison.Ordinal))
        {
            throw new CheckFailedException(EchoTexts.FormatClientIgnoredMessage(ByteText.Quote(sent, 96), ByteText.Quote(expected, 96)));
        }
        throw new CheckFailedException(EchoTexts.FormatClientWrongMessage(ByteText.Quote(expected)) + "\n" + ByteDiff.Describe(expected, sent));
    }

    // The encoding (or two that make the same bytes, as ASCII and Latin-1 do of Croatian letters) that turns
    // the message into exactly the bytes sent, with or without a byte order mark.
    private static string? EncodedAs(byte[] sent, string message)
    {
        var matches = OtherEncodings
            .Where(e => sent.AsSpan().SequenceEqual(e.Encoding.GetBytes(message))
                || sent.AsSpan().SequenceEqual([.. e.Encoding.GetPreamble(), .. e.Encoding.GetBytes(message)]))
            .Select(e => e.Name)
            .ToList();
        return matches.Count == 0 ? null : string.Join(EchoTexts.OrWord, matches);
    }

    private static string? Text(byte[] bytes)
    {
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
