using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>
/// §13: a first line longer than 1024 bytes is refused at once. The grader sends 1100 bytes without a newline,
/// so a server that refuses once it holds 1024 bytes passes, and so does one that refuses once it holds more
/// than 1024 (Python's <c>asyncio.start_server(limit=1024)</c>); one that waits for more does not.
/// </summary>
internal sealed class RefusesLongLine : ServerCheck<AuthServerTarget>
{
    public const int Limit = 1024;

    // Past the limit by either reading, and well short of the next usual buffer size (2048, 4096).
    private const int Sent = 1100;

    public override CheckInfo Info { get; } = new("auth.refuses-long-line", "§13", AuthTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        var line = Encoding.ASCII.GetBytes("AUTH " + new string('A', Sent - "AUTH ".Length));
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await client.SendAsync(line, context.Cancellation);
        // Promptly: well before the login timeout, which would also end the connection.
        var wait = context.Limits.ReplyTimeout < target.LoginTimeout / 2 ? context.Limits.ReplyTimeout : target.LoginTimeout / 2;
        await AuthExchange.ExpectRefusalAsync(client, AuthTexts.FormatAuthWhatLongLine(Counted.Bytes(Sent)), context.Cancellation, wait);
    }
}
