using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>
/// §4: three clients at once, the first one idle. The grader talks to them newest first: a server that
/// serves one client at a time is still stuck on the first, and the listen backlog cannot hide that,
/// because a queued connection is accepted but never read.
/// </summary>
public sealed class ServesClientsConcurrently : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.concurrent-clients", "§4", EchoTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using var first = await target.ConnectAsync(Strings.FormatLabelClient(1), context);
        await using var second = await target.ConnectAsync(Strings.FormatLabelClient(2), context);
        await using var third = await target.ConnectAsync(Strings.FormatLabelClient(3), context);
        try
        {
            await EchoExchange.EchoAsync(third, "third client, talking while client 1 is idle", context.Cancellation);
            await EchoExchange.EchoAsync(second, "second client", context.Cancellation);
            await EchoExchange.EchoAsync(first, "first client, last to talk", context.Cancellation);
        }
        catch (CheckFailedException e)
        {
            throw new CheckFailedException(
                $"{e.Message}\n{EchoTexts.ConcurrentContext}");
        }
    }
}
