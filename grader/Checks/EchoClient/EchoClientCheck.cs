using System.Text;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>A check of the echo client (docs/protocol.md, part 2), judged from one run of it.</summary>
public abstract class EchoClientCheck : ICheck<ClientUnderTest>
{
    public abstract CheckInfo Info { get; }

    /// <summary>Long enough for a client started with <c>dotnet run</c> to build, connect and finish.</summary>
    public TimeSpan TimeLimit => TimeSpan.FromSeconds(45);

    /// <summary>Which run of the client this check judges.</summary>
    protected virtual EchoStyle Style => EchoStyle.AtOnce;

    public async Task RunAsync(ClientUnderTest client, CancellationToken cancellationToken)
    {
        var session = await client.SessionAsync(Style, cancellationToken);
        if (!session.Connected)
        {
            throw new TargetUnreachableException($"{session.Problem}\n{session.ShowOutput()}");
        }
        Judge(client, session);
    }

    /// <summary>Fails by throwing <see cref="CheckFailedException"/> if the run broke the requirement.</summary>
    protected abstract void Judge(ClientUnderTest client, ClientSession session);

    /// <summary>Fails unless the client printed the whole echo of what it sent, which the grader sent back <paramref name="how"/>.</summary>
    protected static void ExpectPrintedEcho(ClientSession session, string how)
    {
        if (session.Request.Length == 0)
        {
            throw new CheckFailedException("The client sent nothing, so there was no echo to print.");
        }
        if (!session.Output.Contains(Encoding.UTF8.GetString(session.Request), StringComparison.Ordinal))
        {
            throw new CheckFailedException(
                $"The grader echoed {ByteText.Quote(session.Request, 96)} {how}, and the client's output does not contain all of it.\n{session.ShowOutput()}");
        }
    }
}
