using System.Text;

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

    /// <summary>Whether the client printed the whole echo of what it sent.</summary>
    protected static bool PrintedEcho(ClientSession session) =>
        session.Request.Length > 0 && session.Output.Contains(Encoding.UTF8.GetString(session.Request), StringComparison.Ordinal);
}
