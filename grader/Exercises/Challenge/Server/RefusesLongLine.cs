using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§13, as in exercise 02: an answer longer than 1024 bytes is refused at once (see that check for the 1100).</summary>
internal sealed class RefusesLongLine : ServerCheck<ChallengeServerTarget>
{
    private const int Sent = 1100;

    public override CheckInfo Info { get; } = new("challenge.refuses-long-line", "§13", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        await ChallengeExchange.ReadChallengeAsync(client, context);
        await client.SendAsync(Encoding.ASCII.GetBytes("AUTH " + new string('a', Sent - "AUTH ".Length)), context.Cancellation);
        // Promptly: well before the login timeout, which would also end the connection.
        var wait = context.Limits.ReplyTimeout < target.LoginTimeout / 2 ? context.Limits.ReplyTimeout : target.LoginTimeout / 2;
        await AuthExchange.ExpectRefusalAsync(client, ChallengeTexts.FormatWhatLongLine(Counted.Bytes(Sent)), context.Cancellation, wait);
    }
}
