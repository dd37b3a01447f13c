using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§11: an AUTH line that arrives in pieces is put together before it is judged.</summary>
internal sealed class AcceptsLoginInPieces : ServerCheck<AuthServerTarget>
{
    private static readonly TimeSpan PiecePause = TimeSpan.FromMilliseconds(50);

    public override CheckInfo Info { get; } = new("auth.login-in-pieces", "§11", AuthTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        var login = target.RightLogin;
        foreach (var piece in login.Chunk(Math.Max(1, login.Length / 3)))
        {
            await client.SendAsync(piece, context.Cancellation);
            await Task.Delay(PiecePause, context.Time, context.Cancellation); // each piece its own segment
        }
        await AuthExchange.ExpectOkAsync(client, AuthTexts.FormatAuthWhatLoginInPieces(Durations.Format(PiecePause)), context.Cancellation);
        await EchoExchange.EchoAsync(client, "logged in piece by piece", context.Cancellation);
    }
}
