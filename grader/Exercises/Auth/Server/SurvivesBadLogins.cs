using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§12/§15: invalid UTF-8 and a reset mid-login are handled, and the server serves on.</summary>
internal sealed class SurvivesBadLogins : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.survives-bad-logins", "§12", AuthTexts.ResourceManager);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        byte[] invalid = [.. "AUTH "u8, 0xFF, 0xFE, 0xC3, (byte)'\n'];
        await AuthExchange.ExpectRefusedAsync(target, invalid, AuthTexts.FormatAuthWhatInvalidUtf8(AuthExchange.Show(invalid)), context);

        await using (var vanishing = await target.Server.ConnectAsync(AuthTexts.LabelResettingClient, context))
        {
            await vanishing.SendAsync("AUTH pa"u8.ToArray(), context.Cancellation);
            vanishing.Reset();
        }

        await using var client = await target.Server.ConnectAsync(AuthTexts.LabelNextClient, context);
        await AuthExchange.LogInAndEchoAsync(client, target, "still serving", context.Cancellation);
    }
}
