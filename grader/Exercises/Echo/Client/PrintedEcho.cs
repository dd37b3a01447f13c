using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>What every client that ends as the echo client does must have printed: the echo of its message.</summary>
internal static class PrintedEcho
{
    /// <summary>Fails unless the client printed the whole echo of <paramref name="request"/>, which the grader sent back <paramref name="how"/>.</summary>
    public static void Expect(ClientSession session, byte[] request, string how)
    {
        if (request.Length == 0)
        {
            throw new CheckFailedException(EchoTexts.ClientSentNothing);
        }
        if (!session.Output.Contains(Encoding.UTF8.GetString(request), StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                EchoTexts.FormatClientEchoNotPrinted(ByteText.Quote(request, 96), how) + "\n" + session.ShowOutput());
        }
    }
}
