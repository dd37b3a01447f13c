using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server;

/// <summary>§5: after one client leaves, the server accepts and serves the next.</summary>
public sealed class ServesSecondClient : ServerCheck<ServerTarget>
{
    public override CheckInfo Info { get; } = new("echo.second-client", "§5", EchoTexts.ResourceManager);

    public override async Task RunAsync(ServerTarget target, CheckContext context)
    {
        await using (var first = await target.ConnectAsync(Strings.FormatLabelClient(1), context))
        {
            await EchoExchange.EchoAsync(first, "first client", context.Cancellation);
        }
        await using var second = await target.ConnectAsync(EchoTexts.LabelClientAfterFirstLeft, context);
        await EchoExchange.EchoAsync(second, "second client", context.Cancellation);
    }
}
