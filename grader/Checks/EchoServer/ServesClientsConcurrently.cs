using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks.EchoServer;

/// <summary>
/// §4: three clients at once, the first one idle. The grader talks to them newest first: a server that
/// serves one client at a time is still stuck on the first, and the listen backlog cannot hide that,
/// because a queued connection is accepted but never read.
/// </summary>
public sealed class ServesClientsConcurrently : EchoServerCheck
{
    public override CheckInfo Info { get; } = new("echo.concurrent-clients", "§4");

    public override async Task RunAsync(ServerTarget target, CancellationToken cancellationToken)
    {
        await using var first = await target.ConnectAsync(string.Format(Strings.LabelClient, 1), cancellationToken);
        await using var second = await target.ConnectAsync(string.Format(Strings.LabelClient, 2), cancellationToken);
        await using var third = await target.ConnectAsync(string.Format(Strings.LabelClient, 3), cancellationToken);
        try
        {
            await EchoExchange.EchoAsync(third, "third client, talking while client 1 is idle", cancellationToken);
            await EchoExchange.EchoAsync(second, "second client", cancellationToken);
            await EchoExchange.EchoAsync(first, "first client, last to talk", cancellationToken);
        }
        catch (CheckFailedException e)
        {
            throw new CheckFailedException(
                $"{e.Message}\n{Strings.ConcurrentContext}");
        }
    }
}
