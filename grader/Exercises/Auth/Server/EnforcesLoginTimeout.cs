using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§14: a client that sends no complete first line in time is disconnected.</summary>
internal sealed class EnforcesLoginTimeout<TTarget>(CheckInfo info) : ServerCheck<TTarget>
    where TTarget : IPasswordServer
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    public override CheckInfo Info => info;

    public override bool RunsSideBySide => true;

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(30);

    public override async Task RunAsync(TTarget target, CheckContext context)
    {
        await using var silent = await target.Server.ConnectAsync(AuthTexts.LabelSilentClient, context);
        await using var partial = await target.Server.ConnectAsync(AuthTexts.LabelHalfLineClient, context);
        await partial.SendAsync("AUTH pa"u8.ToArray(), context.Cancellation);
        var wait = target.LoginTimeout + Margin;
        await Task.WhenAll(
            ExpectDisconnectedAsync(silent, target, wait, context.Cancellation),
            ExpectDisconnectedAsync(partial, target, wait, context.Cancellation));
    }

    private static async Task ExpectDisconnectedAsync(WireConnection client, TTarget target, TimeSpan wait, CancellationToken cancellationToken)
    {
        var answer = await client.ReceiveUntilEndAsync(wait, 2048, cancellationToken);
        if (answer.End is not (ReceiveEnd.Closed or ReceiveEnd.Reset))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthStillConnected(Sentences.Capitalized(client.Label), Durations.Format(wait), Durations.Format(target.LoginTimeout)));
        }
        var refusal = AfterGreeting(answer.Data, target.Greeting);
        if (refusal.Length > 0 && !(refusal.StartsWith("ERR "u8) && refusal[^1] == (byte)'\n'))
        {
            throw new CheckFailedException(
                AuthTexts.FormatAuthSentBeforeClose(Sentences.Capitalized(client.Label), ByteText.Quote(answer.Data, 96)));
        }
    }

    // What came after the line the server sends first, if it sends one: the refusal, if any.
    private static ReadOnlySpan<byte> AfterGreeting(byte[] data, string? greeting)
    {
        int newline = Array.IndexOf(data, (byte)'\n');
        return greeting is not null && newline >= 0 && data.AsSpan().StartsWith(System.Text.Encoding.ASCII.GetBytes(greeting))
            ? data.AsSpan(newline + 1)
            : data;
    }
}
