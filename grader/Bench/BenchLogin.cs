using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Challenge;
using SocketExercises.Grader.Exercises.Challenge.Server;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Bench;

/// <summary>
/// How a load connection gets to the echo of a password server: it logs in first, once, before its round trips.
/// </summary>
/// <returns>Null when the server let it in; otherwise what the server answered instead, for a person to read.</returns>
public delegate Task<string?> BenchLogin(Socket socket, CancellationToken cancellationToken);

/// <summary>The logins of the servers that want one: exercise 02's password line and exercise 04's answer to the challenge.</summary>
public static class BenchLogins
{
    // A server's line is short (OK, ERR <reason>, CHALLENGE <nonce>); one that sends more without a \n is answering something else.
    private const int MaxLineBytes = 1024;

    /// <summary>Exercise 02: <c>AUTH &lt;password&gt;</c>, then <c>OK</c>.</summary>
    public static BenchLogin Password(string password) => async (socket, cancellationToken) =>
    {
        await EchoLoad.SendAllAsync(socket, AuthServerTarget.Line("AUTH " + password), cancellationToken);
        return Refusal(await ReadLineAsync(socket, cancellationToken));
    };

    /// <summary>Exercise 04: reads <c>CHALLENGE &lt;nonce&gt;</c>, answers with the MAC, then <c>OK</c>.</summary>
    public static BenchLogin Challenge(string password) => async (socket, cancellationToken) =>
    {
        var challenge = await ReadLineAsync(socket, cancellationToken);
        if (challenge.Text is not { } line || !line.StartsWith(ChallengeServerTarget.ChallengeStart, StringComparison.Ordinal))
        {
            return Describe(challenge);
        }
        string nonce = line[ChallengeServerTarget.ChallengeStart.Length..];
        await EchoLoad.SendAllAsync(socket, AuthServerTarget.Line("AUTH " + ChallengeMac.Of(password, nonce)), cancellationToken);
        return Refusal(await ReadLineAsync(socket, cancellationToken));
    };

    private static string? Refusal(ServerLine answer) => answer.Text == "OK" ? null : Describe(answer);

    private static string Describe(ServerLine line) =>
        line.Bytes.Length == 0 && line.Closed ? Strings.BenchLoginClosed : ByteText.Quote(line.Bytes, 96);

    /// <param name="Text">The line without its \n; null when it did not end with one.</param>
    private sealed record ServerLine(byte[] Bytes, string? Text, bool Closed);

    // A byte at a time: what follows the line is the echo, which the load reads itself. Once per connection, so cheap.
    private static async Task<ServerLine> ReadLineAsync(Socket socket, CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (bytes.Count < MaxLineBytes)
        {
            if (await socket.ReceiveAsync(one, SocketFlags.None, cancellationToken) == 0)
            {
                return new ServerLine([.. bytes], null, Closed: true);
            }
            bytes.Add(one[0]);
            if (one[0] == '\n')
            {
                return new ServerLine([.. bytes], Encoding.UTF8.GetString(CollectionsMarshal.AsSpan(bytes)[..^1]), Closed: false);
            }
        }
        return new ServerLine([.. bytes], null, Closed: false);
    }
}
