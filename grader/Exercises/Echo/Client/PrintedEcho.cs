using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>What every client that ends as the echo client does must have printed: the echo of its message.</summary>
internal static class PrintedEcho
{
    // How a client may wrongly turn the echo's bytes back into text.
    private static readonly (string Name, Encoding Encoding)[] OtherDecodings = [("ASCII", Encoding.ASCII), ("Latin-1", Encoding.Latin1)];

    /// <summary>
    /// Fails unless the client printed the whole echo of <paramref name="request"/>, which the grader sent back
    /// <paramref name="how"/>: as UTF-8 text, or as the <paramref name="message"/> it was given, where it sent
    /// that in another encoding (a mistake <see cref="SentMessage"/> reports, not this).
    /// </summary>
    public static void Expect(ClientSession session, byte[] request, string how, string message)
    {
        if (request.Length == 0)
        {
            throw new CheckFailedException(EchoTexts.ClientSentNothing);
        }
        string echo = Encoding.UTF8.GetString(request);
        if (session.Output.Contains(echo, StringComparison.Ordinal) || session.Output.Contains(message, StringComparison.Ordinal))
        {
            return;
        }
        foreach (var (name, encoding) in OtherDecodings)
        {
            string misread = encoding.GetString(request);
            if (misread != echo && session.Output.Contains(misread, StringComparison.Ordinal))
            {
                throw new CheckFailedException(
                    EchoTexts.FormatClientEchoMisdecoded(name, ByteText.Quote(Encoding.UTF8.GetBytes(misread), 96), ByteText.Quote(request, 96)) + "\n" + session.ShowOutput());
            }
        }
        throw new CheckFailedException(
            EchoTexts.FormatClientEchoNotPrinted(ByteText.Quote(request, 96), how) + "\n" + session.ShowOutput());
    }
}
