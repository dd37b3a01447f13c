using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Checks.EchoClient;

/// <summary>A check of the echo client (docs/protocol.md, part 2).</summary>
public abstract class EchoClientCheck : ClientCheck<EchoClientUnderTest, EchoExchange>
{
    /// <summary>Which run of the client this check judges.</summary>
    protected virtual EchoStyle Style => EchoStyle.AtOnce;

    protected override Task<ClientRun<EchoExchange>> RunClientAsync(EchoClientUnderTest target, CancellationToken cancellationToken) =>
        target.RunAsync(Style, cancellationToken);
}
