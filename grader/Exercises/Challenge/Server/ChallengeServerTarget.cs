using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>The challenge server under test, with the password the grader knows and the login timeout it was given.</summary>
/// <param name="Started">The server's process, when the grader started it; null when it was already running.</param>
public sealed record ChallengeServerTarget(ServerTarget Server, string Password, TimeSpan LoginTimeout, IStartedServer? Started) : IPasswordServer
{
    public const string ChallengeStart = "CHALLENGE ";

    public string? Greeting => ChallengeStart;

    /// <summary>The line that answers <paramref name="nonce"/> as a client that knows the password sends it.</summary>
    public byte[] RightLogin(string nonce) => AuthServerTarget.Line("AUTH " + ChallengeMac.Of(Password, nonce));

    public async Task LogInAsync(WireConnection connection, CheckContext context)
    {
        string nonce = await ChallengeExchange.ReadChallengeAsync(connection, context);
        await connection.SendAsync(RightLogin(nonce), context.Cancellation);
        await AuthExchange.ExpectOkAsync(connection, ChallengeExchange.WhatRightMac(RightLogin(nonce), nonce), context.Cancellation);
    }
}
