using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;

namespace SocketExercises.Grader.Exercises.Echo.Client;

/// <summary>A check of the echo client (docs/protocol.md, part 2).</summary>
public abstract class EchoClientCheck : ClientCheck<EchoClientUnderTest, EchoClientExchange>
{
    /// <summary>Which run of the client this check judges.</summary>
    protected virtual EchoStyle Style => EchoStyle.AtOnce;

    protected override Task<ClientRun<EchoClientExchange>> RunClientAsync(EchoClientUnderTest target, CheckContext context) =>
        target.RunAsync(Style, context);
}
