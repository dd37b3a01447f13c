using System.Text;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.AuthClient;

/// <summary>A check of the authenticating client (docs/protocol.md, exercise 02), judged from one run.</summary>
public abstract class AuthClientCheck : ClientCheck<AuthClientUnderTest, AuthClientExchange>
{
    protected virtual LoginAnswer Answer => LoginAnswer.Ok;

    protected override Task<ClientRun<AuthClientExchange>> RunClientAsync(AuthClientUnderTest target, CancellationToken cancellationToken) =>
        target.RunAsync(Answer, cancellationToken);
}

/// <summary>§6: the client connects to the address it is given.</summary>
public sealed class AuthClientConnects : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.connects", "§6");

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        // Reaching Judge means the client connected.
    }
}

/// <summary>§17: the first line is AUTH and the password the client was given.</summary>
public sealed class SendsAuthLine : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.sends-auth", "§17");

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
                string.Format(Strings.AuthClientWrongLine, ByteText.Quote(expected)) + "\n" + ByteDiff.Describe(expected, line));
        }
        if (!exchange.LineEnded)
        {
            throw new CheckFailedException(string.Format(Strings.AuthClientNoNewline, ByteText.Quote(expected)));
        }
    }
}

/// <summary>§17: nothing more is sent before the server's answer.</summary>
public sealed class WaitsForAnswer : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.waits-for-answer", "§17");

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        if (exchange.Early.Length > 0)
        {
            throw new CheckFailedException(
                string.Format(Strings.AuthClientEarly, ByteText.Quote(exchange.Early, 96)));
        }
    }
}

/// <summary>§17: after OK the client completes the echo exchange and exits with 0.</summary>
public sealed class EchoesAfterLogin : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.echo-after-login", "§17");

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        ExpectPrintedEcho(session, exchange.Request, Strings.EchoedAfterOk);
        ExpectExit(session, target.Server.Limits.ExitTimeout, Strings.AfterEchoSent, success: true);
    }
}

/// <summary>§17: an OK that arrives in pieces is read whole.</summary>
public sealed class ReadsOkInPieces : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.ok-in-pieces", "§17");

    protected override LoginAnswer Answer => LoginAnswer.OkInPieces;

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange) =>
        ExpectPrintedEcho(session, exchange.Request, string.Format(Strings.EchoedAfterOkInPieces, Reports.Durations.Format(EchoPlay.PiecePause)));
}

/// <summary>§17: on ERR the client prints the server's reason and exits with a code other than 0.</summary>
public sealed class ReportsRefusal : AuthClientCheck
{
    public override CheckInfo Info { get; } = new("auth-client.reports-refusal", "§17");

    protected override LoginAnswer Answer => LoginAnswer.Refused;

    protected override void Judge(AuthClientUnderTest target, ClientSession session, AuthClientExchange exchange)
    {
        if (!(session.Output + session.Errors).Contains(AuthClientUnderTest.RefusalReason, StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                string.Format(Strings.AuthClientNoReason, AuthClientUnderTest.RefusalReason) + "\n" + session.ShowOutput());
        }
        ExpectExit(session, target.Server.Limits.ExitTimeout, Strings.AfterRefused, success: false);
    }
}
