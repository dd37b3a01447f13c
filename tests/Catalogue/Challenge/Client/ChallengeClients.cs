using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Catalogue.Auth.Client;

namespace SocketExercises.Catalogue.Challenge.Client;

/// <summary>Challenge clients by name: broken ones, each with one mistake, then correct ones.</summary>
public static class ChallengeClients
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "challenge-client";

    private const string Connects = "challenge-client.connects";
    private const string WaitsForChallenge = "challenge-client.waits-for-challenge";
    private const string Answers = "challenge-client.answers-challenge";
    private const string InPieces = "challenge-client.challenge-in-pieces";
    private const string Secret = "challenge-client.keeps-password-secret";
    private const string WaitsForVerdict = "challenge-client.waits-for-verdict";
    private const string EchoAfterLogin = "challenge-client.echo-after-login";
    private const string ReportsRefusal = "challenge-client.reports-refusal";

    // A wrong answer is wrong whether the challenge came at once or in pieces.
    private static readonly string[] WrongAnswer = [Answers, InPieces];

    public static IReadOnlyDictionary<string, CatalogueClient> All { get; } = new Dictionary<string, CatalogueClient>
    {
        // Broken.
        ["sends-password"] = new((port, stop) => RunAsync(port, new() { Answer = (password, _) => password }, stop)) { MustFail = [Secret, .. WrongAnswer] },
        // The right MAC, and the password beside it in Base64, "for the server to check".
        ["sends-password-with-mac"] = new((port, stop) => RunAsync(port, new()
        {
            Answer = (password, nonce) => Mac(password, nonce) + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(password)),
        }, stop))
        { MustFail = [Secret, .. WrongAnswer] },
        ["swaps-key-and-message"] = new((port, stop) => RunAsync(port, new()
        {
            Answer = (password, nonce) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(nonce), Encoding.UTF8.GetBytes(password))),
        }, stop))
        { MustFail = WrongAnswer },
        ["sha256-not-hmac"] = new((port, stop) => RunAsync(port, new()
        {
            Answer = (password, nonce) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(password + nonce))),
        }, stop))
        { MustFail = WrongAnswer },
        ["speaks-first"] = new((port, stop) => RunAsync(port, new() { SpeaksFirst = true }, stop)) { MustFail = [WaitsForChallenge] },
        // One receive for the challenge: a challenge in pieces is answered from its first piece.
        ["one-receive-challenge"] = new((port, stop) => RunAsync(port, new() { ReadsChallengeOnce = true }, stop)) { MustFail = [InPieces] },
        ["sends-message-with-mac"] = new((port, stop) => RunAsync(port, new() { SendsEarly = true }, stop)) { MustFail = [WaitsForVerdict] },
        ["ignores-refusal"] = new((port, stop) => RunAsync(port, new() { IgnoresRefusal = true }, stop)) { MustFail = [ReportsRefusal] },
        ["wrong-port"] = new((port, stop) => RunAsync(port == 1 ? 2 : 1, new(), stop)) { MustFail = [Connects] },
        ["hardcoded-message"] = new((port, stop) => RunAsync(port, new() { Message = "Hello, world"u8.ToArray() }, stop)) { MustFail = [EchoAfterLogin] },

        // Correct.
        ["correct"] = new((port, stop) => RunAsync(port, new(), stop)),
        ["correct-upper-case"] = new((port, stop) => RunAsync(port, new() { Answer = (password, nonce) => Mac(password, nonce).ToUpperInvariant() }, stop)),
        ["correct-crlf"] = new((port, stop) => RunAsync(port, new() { LineEnd = "\r\n" }, stop)),
    };

    private static string Password => Environment.GetEnvironmentVariable("SOCKET_PASSWORD") ?? "";

    private static byte[] GivenMessage => Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SOCKET_MESSAGE") ?? "Hello, world");

    private static string Mac(string password, string nonce) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(nonce)));

    private static async Task<int> RunAsync(int port, ChallengeClientMistakes mistakes, CancellationToken stop)
    {
        byte[] message = mistakes.Message ?? GivenMessage;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Listening.Address, port), stop);
        if (mistakes.SpeaksFirst)
        {
            await socket.SendAsync("HELLO\n"u8.ToArray(), stop);
        }
        string challenge = mistakes.ReadsChallengeOnce ? await AuthClients.ReceiveOnceAsync(socket, stop, most: 1024) : await AuthClients.ReceiveLineAsync(socket, stop);
        string nonce = challenge.StartsWith("CHALLENGE ", StringComparison.Ordinal) ? challenge["CHALLENGE ".Length..] : challenge;
        await socket.SendAsync(Encoding.UTF8.GetBytes($"AUTH {mistakes.Answer(Password, nonce)}{mistakes.LineEnd}"), stop);
        if (mistakes.SendsEarly)
        {
            await socket.SendAsync(message, stop);
        }

        return await AuthClients.FinishLoginAsync(socket, message, mistakes.SendsEarly, mistakes.IgnoresRefusal, readAnswerOnce: false, stop);
    }
}

/// <summary>The mistakes a catalogue challenge client makes; none, by default.</summary>
public sealed record ChallengeClientMistakes
{
    /// <summary>What follows AUTH, given the password and the nonce: the MAC in lowercase hex, by default.</summary>
    public Func<string, string, string> Answer { get; init; } = (password, nonce) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(nonce)));

    public string LineEnd { get; init; } = "\n";

    public bool SpeaksFirst { get; init; }

    public bool ReadsChallengeOnce { get; init; }

    public bool SendsEarly { get; init; }

    public bool IgnoresRefusal { get; init; }

    /// <summary>A message of its own instead of the one it is given.</summary>
    public byte[]? Message { get; init; }
}
