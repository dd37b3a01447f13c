using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>
/// §15: a client that sits silent before logging in delays no one. The second client's login must be answered
/// within half the login timeout: a server that reads logins in its accept loop answers it only once the silent
/// client's login timeout has dropped that one, which with a short timeout (the 1 s a started server gets) still
/// comes within the reply timeout.
/// </summary>
internal sealed class SilentClientDelaysNoOne<TTarget>(CheckInfo info) : ServerCheck<TTarget>
    where TTarget : IPasswordServer
{
    public override CheckInfo Info => info;

    public override async Task RunAsync(TTarget target, CheckContext context)
    {
        var within = target.LoginTimeout / 2 < context.Limits.ReplyTimeout ? target.LoginTimeout / 2 : context.Limits.ReplyTimeout;
        var prompt = context with { Limits = context.Limits with { ReplyTimeout = within } };
        await using var silent = await target.Server.ConnectAsync(Strings.FormatLabelClient(1), context);
        await using var client = await target.Server.ConnectAsync(AuthTexts.LabelClientWhileFirstSilent, prompt);
        try
        {
            await target.LogInAsync(client, prompt);
            await EchoExchange.EchoAsync(client, "not kept waiting", context.Cancellation);
        }
        catch (Exception e) when (e is CheckFailedException or Wire.WireException)
        {
            throw new CheckFailedException($"{e.Message}\n{AuthTexts.FormatSilentClientContext(Durations.Format(within), Durations.Format(target.LoginTimeout))}");
        }
    }
}
