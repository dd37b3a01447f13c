using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>
/// §30: the grader plays a client that logs in and an eavesdropper who recorded it: the recorded AUTH line,
/// sent on a new connection, is refused.
/// </summary>
internal sealed class RejectsReplay : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.rejects-replay", "§30", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        string heardNonce;
        byte[] heard;
        await using (var client = await target.Server.ConnectAsync(ChallengeTexts.LabelFirstClient, context))
        {
            heardNonce = await ChallengeExchange.ReadChallengeAsync(client, context);
            heard = target.RightLogin(heardNonce);
            await client.SendAsync(heard, context.Cancellation);
            await AuthExchange.ExpectOkAsync(client, ChallengeExchange.WhatRightMac(heard, heardNonce), context.Cancellation);
        }

        await using var eavesdropper = await target.Server.ConnectAsync(ChallengeTexts.LabelEavesdropper, context);
        string nonce = await ChallengeExchange.ReadChallengeAsync(eavesdropper, context);
        await eavesdropper.SendAsync(heard, context.Cancellation);
        try
        {
            await AuthExchange.ExpectRefusalAsync(eavesdropper, ChallengeTexts.FormatWhatReplayed(AuthExchange.Show(heard)), context.Cancellation);
        }
        catch (CheckFailedException) when (nonce == heardNonce)
        {
            // The cause, not the symptom: the eavesdropper was asked the question it had heard answered.
            throw new CheckFailedException(ChallengeTexts.FormatReplaySameNonce(ByteText.Quote(ChallengeMac.Utf8(nonce))));
        }
    }
}
