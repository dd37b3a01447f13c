using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>§13: 1024 bytes without a newline are refused at once.</summary>
internal sealed class RefusesLongLine : ServerCheck<AuthServerTarget>
{
    public const int Limit = 1024;

    public override CheckInfo Info { get; } = new("auth.refuses-long-line", "§13", AuthTexts.ResourceManager);

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        var line = Encoding.ASCII.GetBytes("AUTH " + new string('A', Limit - "AUTH ".Length));
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await client.SendAsync(line, context.Cancellation);
        // Promptly: well before the login timeout, which would also end the connection.
        var wait = context.Limits.ReplyTimeout < target.LoginTimeout / 2 ? context.Limits.ReplyTimeout : target.LoginTimeout / 2;
        await AuthExchange.ExpectRefusalAsync(client, AuthTexts.FormatAuthWhatLongLine(Counted.Bytes(Limit)), context.Cancellation, wait);
    }
}
