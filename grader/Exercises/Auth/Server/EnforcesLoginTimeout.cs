using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§14: a client that sends no complete first line in time is disconnected.</summary>
internal sealed class EnforcesLoginTimeout : ServerCheck<AuthServerTarget>
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    public override CheckInfo Info { get; } = new("auth.login-timeout", "§14", AuthTexts.ResourceManager);

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(30);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        await using var silent = await target.Server.ConnectAsync(AuthTexts.LabelSilentClient, context);
        await using var partial = await target.Server.ConnectAsync(AuthTexts.LabelHalfLineClient, context);
        await partial.SendAsync("AUTH pa"u8.ToArray(), context.Cancellation);
        var wait = target.LoginTimeout + Margin;
        await Task.WhenAll(
            ExpectDisconnectedAsync(silent, wait, target.LoginTimeout, context.Cancellation),
            ExpectDisconnectedAsync(partial, wait, target.LoginTimeout, context.Cancellation));
    }

    private static async Task ExpectDisconnectedAsync(WireConnection client, TimeSpan wait, TimeSpan loginTimeout, CancellationToken cancellationToken)
    {
        var answer = await client.ReceiveUntilEndAsync(wait, 2048, cancellationToken);
        if (answer.End is not (ReceiveEnd.Closed or ReceiveEnd.Reset))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthStillConnected(Sentences.Capitalized(client.Label), Durations.Format(wait), Durations.Format(loginTimeout)));
        }
        if (answer.Data.Length > 0 && !(answer.Data.AsSpan().StartsWith("ERR "u8) && answer.Data[^1] == (byte)'\n'))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthSentBeforeClose(Sentences.Capitalized(client.Label), ByteText.Quote(answer.Data, 96)));
        }
    }
}
