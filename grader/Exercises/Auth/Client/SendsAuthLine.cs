using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§17: the first line is AUTH and the password the client was given.</summary>
public sealed class SendsAuthLine : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.sends-auth", "§17", AuthTexts.ResourceManager);

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        var expected = Encoding.UTF8.GetBytes("AUTH " + target.Password);
        var line = exchange.FirstLine.AsSpan();
        if (line.EndsWith("\r"u8))
        {
            line = line[..^1]; // \r\n ends a line as well as \n
        }
        if (!line.SequenceEqual(expected))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthClientWrongLine(ByteText.Quote(expected)) + "\n" + ByteDiff.Describe(expected, line));
        }
        if (!exchange.LineEnded)
        {
            throw new CheckFailedException(AuthTexts.FormatAuthClientNoNewline(ByteText.Quote(expected)));
        }
    }
}
