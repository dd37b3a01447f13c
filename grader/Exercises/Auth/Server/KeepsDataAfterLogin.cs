using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§11: bytes that arrive in the same packet as the AUTH line are echoed after OK.</summary>
internal sealed class KeepsDataAfterLogin : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info { get; } = new("auth.keeps-data-after-login", "§11", AuthTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        var data = "sent together with the login"u8.ToArray();
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        byte[] together = [.. target.RightLogin, .. data];
        await client.SendAsync(together, context.Cancellation);
        await AuthExchange.ExpectOkAsync(client, AuthTexts.AuthWhatLoginAndData, context.Cancellation);
        await EchoExchange.ExpectEchoAsync(client, data, context.Cancellation);
    }
}
