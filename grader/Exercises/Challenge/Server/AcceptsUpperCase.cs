using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§28: the MAC is accepted in upper-case hex too.</summary>
internal sealed class AcceptsUpperCase : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.accepts-upper-case", "§28", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        string nonce = await ChallengeExchange.ReadChallengeAsync(client, context);
        var line = AuthServerTarget.Line("AUTH " + ChallengeMac.Of(target.Password, nonce).ToUpperInvariant());
        await client.SendAsync(line, context.Cancellation);
        await AuthExchange.ExpectOkAsync(client, ChallengeTexts.FormatWhatUpperCaseMac(AuthExchange.Show(line), nonce), context.Cancellation);
        await EchoExchange.EchoAsync(client, "upper case is the same MAC", context.Cancellation);
    }
}
