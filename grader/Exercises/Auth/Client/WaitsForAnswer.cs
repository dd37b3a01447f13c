using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>§17: nothing more is sent before the server's answer.</summary>
public sealed class WaitsForAnswer : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.waits-for-answer", "§17", AuthTexts.ResourceManager);

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        if (exchange.Early.Length > 0)
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthClientEarly(ByteText.Quote(exchange.Early, 96)));
        }
    }
}
