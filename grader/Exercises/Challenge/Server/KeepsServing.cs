using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Echo.Server;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29: an answer that is not UTF-8 and a reset mid-login end only their own connections.</summary>
internal sealed class KeepsServing : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.keeps-serving", "§29", ChallengeTexts.ResourceManager);

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await ChallengeExchange.ExpectRefusedAsync(
            target,
            _ => [.. "AUTH "u8, 0xFF, 0xFE, 0xC3, (byte)'\n'],
            line => ChallengeTexts.FormatWhatInvalidUtf8(AuthExchange.Show(line)),
            context);

        await using (var vanishing = await target.Server.ConnectAsync(ChallengeTexts.LabelResettingClient, context))
        {
            await ChallengeExchange.ReadChallengeAsync(vanishing, context);
            await vanishing.SendAsync("AUTH 0a1b"u8.ToArray(), context.Cancellation);
            vanishing.Reset();
        }

        await using var client = await target.Server.ConnectAsync(ChallengeTexts.LabelNextClient, context);
        await target.LogInAsync(client, context);
        await EchoExchange.EchoAsync(client, "still serving", context.Cancellation);
    }
}
