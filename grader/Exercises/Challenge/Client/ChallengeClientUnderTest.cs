using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises.Auth.Client;
using SocketExercises.Grader.Exercises.Echo.Client;

namespace SocketExercises.Grader.Exercises.Challenge.Client;

/// <summary>How the grader, playing the challenge server, runs the client.</summary>
public enum ChallengeRun
{
    /// <summary>The challenge at once, and OK for the right MAC.</summary>
    Ok,

    /// <summary>The challenge in three pieces with pauses between them, then OK.</summary>
    ChallengeInPieces,

    /// <summary>The challenge, then <c>ERR wrong MAC</c> and the close.</summary>
    Refused,
}

/// <summary>
/// The challenge client under test, one run per <see cref="ChallengeRun"/>. The grader is the server and the
/// eavesdropper at once: it records every byte the client sends, and looks in them for the password.
/// </summary>
public sealed class ChallengeClientUnderTest(PlayedServer server, string password, string message)
{
    public const string RefusalReason = "wrong MAC";

    private readonly LoginPlay _login = new(server);

    public PlayedServer Server => server;

    /// <summary>The password the client was given: its key, which must never leave it.</summary>
    public string Password => password;

    /// <summary>The message it was given, which it must send after logging in.</summary>
    public string Message => message;

    /// <summary>The challenge line cut in three, where the pieces show the client reads up to \n.</summary>
    public static string[] Pieces(string nonce) => ["CHALLENGE " + nonce[..10], nonce[10..24], nonce[24..] + "\n"];

    public Task<ClientRun<ChallengeClientExchange>> RunAsync(ChallengeRun run, CheckContext context) =>
        server.RunAsync<ChallengeClientExchange>($"challenge-{run}", async (connection, _, token) =>
        {
            // An honest client has nothing to say before the challenge: it gets a moment to speak out of turn.
            var before = await connection.ReceiveWhileTalkingAsync(token);
            string nonce = ChallengeMac.NewNonce();
            string[] pieces = run == ChallengeRun.ChallengeInPieces ? Pieces(nonce) : [$"CHALLENGE {nonce}\n"];
            for (int i = 0; i < pieces.Length; i++)
            {
                if (i > 0)
                {
                    await Task.Delay(EchoPlay.PiecePause, server.Time, token);
                }
                await connection.TrySendAsync(Encoding.ASCII.GetBytes(pieces[i]), token);
            }
            var login = await _login.ReceiveLoginAsync(connection, token);
            var answer = run == ChallengeRun.Refused ? LoginAnswer.Refused : LoginAnswer.Ok;
            var (request, end) = await _login.AnswerAsync(connection, login, answer, RefusalReason, token);
            return (new ChallengeClientExchange(before.Data, nonce, login, request), end);
        }, context);
}

/// <summary>What the grader, as the challenge server, saw of one run.</summary>
/// <param name="BeforeChallenge">What the client sent before the challenge.</param>
/// <param name="Nonce">The nonce it was sent.</param>
/// <param name="Login">Its answer line, and what it sent before the verdict.</param>
/// <param name="Request">What it sent after OK, and the grader echoed.</param>
public sealed record ChallengeClientExchange(byte[] BeforeChallenge, string Nonce, LoginLine Login, byte[] Request)
{
    /// <summary>Everything the client sent until the verdict: what an eavesdropper learns of its login.</summary>
    public byte[] LoginBytes => [.. BeforeChallenge, .. Login.Line, .. Login.Early];
}
