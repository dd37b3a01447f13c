using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Echo.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>§29: bytes that arrive in the same packet as the AUTH line are echoed after OK.</summary>
internal sealed class KeepsDataAfterLogin : ServerCheck<ChallengeServerTarget>
{
    public override CheckInfo Info { get; } = new("challenge.keeps-data-after-login", "§29", ChallengeTexts.ResourceManager);

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(ChallengeServerTarget target, CheckContext context)
    {
        var data = "sent together with the MAC"u8.ToArray();
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        string nonce = await ChallengeExchange.ReadChallengeAsync(client, context);
        await client.SendAsync((byte[])[.. target.RightLogin(nonce), .. data], context.Cancellation);
        await AuthExchange.ExpectOkAsync(client, ChallengeTexts.WhatMacAndData, context.Cancellation);
        await EchoExchange.ExpectEchoAsync(client, data, context.Cancellation);
    }
}
