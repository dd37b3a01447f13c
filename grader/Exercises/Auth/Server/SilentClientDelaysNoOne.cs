using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§15: a client that sits silent before logging in delays no one.</summary>
internal sealed class SilentClientDelaysNoOne : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.silent-client-delays-no-one", "§15", AuthTexts.ResourceManager);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        await using var silent = await target.Server.ConnectAsync(Strings.FormatLabelClient(1), context);
        await using var client = await target.Server.ConnectAsync(AuthTexts.LabelClientWhileFirstSilent, context);
        await AuthExchange.LogInAndEchoAsync(client, target, "not kept waiting", context.Cancellation);
    }
}
