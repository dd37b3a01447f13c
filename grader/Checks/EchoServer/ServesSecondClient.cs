using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>§5: after one client leaves, the server accepts and serves the next.</summary>
public sealed class ServesSecondClient : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.second-client", "§5");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using (var first = await target.ConnectAsync(string.Format(Strings.LabelClient, 1), cancellationToken))
        {
            await EchoExchange.EchoAsync(first, "first client", cancellationToken);
        }
        await using var second = await target.ConnectAsync(Strings.LabelClientAfterFirstLeft, cancellationToken);
        await EchoExchange.EchoAsync(second, "second client", cancellationToken);
    }
}
