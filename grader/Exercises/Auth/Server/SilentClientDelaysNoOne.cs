using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§15: a client that sits silent before logging in delays no one.</summary>
internal sealed class SilentClientDelaysNoOne<TTarget>(CheckInfo info) : ServerCheck<TTarget>
    where TTarget : IPasswordServer
{
    public override CheckInfo Info => info;

    public override async Task RunAsync(TTarget target, CheckContext context)
    {
        await using var silent = await target.Server.ConnectAsync(Strings.FormatLabelClient(1), context);
        await using var client = await target.Server.ConnectAsync(AuthTexts.LabelClientWhileFirstSilent, context);
        await target.LogInAsync(client, context);
        await EchoExchange.EchoAsync(client, "not kept waiting", context.Cancellation);
    }
}
