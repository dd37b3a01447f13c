using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Catalogue.Auth.Server;

namespace SocketExercises.Catalogue.Challenge.Server;

/// <summary>
/// Challenge servers by name. Each broken one is the correct server with one mistake switched on; the correct
/// ones differ from the reference in how they are written, not in what they do.
/// </summary>
public static class ChallengeServers
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "challenge-server";

    private const string SendsChallenge = "challenge.sends-challenge";
    private const string NonceForm = "challenge.nonce-form";
    private const string FreshNonces = "challenge.fresh-nonces";
    private const string RightMac = "challenge.accepts-right-mac";
    private const string UpperCase = "challenge.accepts-upper-case";
    private const string DataAfterLogin = "challenge.keeps-data-after-login";
    private const string WrongMac = "challenge.rejects-wrong-mac";
    private const string LastByte = "challenge.rejects-changed-last-byte";
    private const string PartialMac = "challenge.rejects-partial-mac";
    private const string OtherLines = "challenge.rejects-other-lines";
    private const string PasswordInClear = "challenge.rejects-password-in-clear";
    private const string Replay = "challenge.rejects-replay";
    private const string LongLine = "challenge.refuses-long-line";
    private const string SilentClient = "challenge.silent-client-delays-no-one";
    private const string LoginTimeout = "challenge.login-timeout";
    private const string KeepsServing = "challenge.keeps-serving";
    private const string RequiresPassword = "challenge.requires-password";
    private const string Secret = "challenge.password-kept-secret";

    // Every check that logs in with the right MAC: a server that computes another fails them all.
    private static readonly string[] LogsIn = [RightMac, UpperCase, DataAfterLogin, Replay, SilentClient, KeepsServing];

    private static readonly string FixedNonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    // A counter's nonce: a random half, then a number that goes up by one each time.
    private static readonly string CounterPrefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private static long _counter;

    public static IReadOnlyDictionary<string, ChallengeMistakes> All { get; } = new Dictionary<string, ChallengeMistakes>
    {
        // Broken.
        // Reads the client's line first: the client waits for the challenge, and so nothing happens. The first
        // check says so, and the rest, which all need a challenge, are skipped.
        ["waits-for-client"] = new() { WaitsForClient = true, MustFail = [SendsChallenge] },
        ["fixed-nonce"] = new() { Nonce = () => FixedNonce, MustFail = [FreshNonces, Replay] },
        // Unpredictable at its start, then counted: the next nonce is the last one plus one.
        ["counter-nonce"] = new() { Nonce = () => CounterPrefix + Interlocked.Increment(ref _counter).ToString("x16"), MustFail = [FreshNonces] },
        // System.Random seeded by the clock, here in minutes: every connection of the same minute gets the same nonce.
        ["clock-seeded-random-nonce"] = new()
        {
            Nonce = () => Convert.ToHexStringLower(RandomBytes(new Random((int)(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60)), 16)),
            MustFail = [FreshNonces, Replay],
        },
        ["short-nonce"] = new() { Nonce = () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), MustFail = [NonceForm] },
        ["upper-case-nonce"] = new() { Nonce = () => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)), MustFail = [NonceForm] },
        // Checks the form, not the MAC: any 64 hex digits let it in, a recorded answer too.
        ["accepts-any-mac"] = new() { AcceptsAnyMac = true, MustFail = [WrongMac, LastByte, Replay] },
        ["accepts-password-in-clear"] = new() { AcceptsPasswordInClear = true, MustFail = [PasswordInClear] },
        // HMAC over the nonce's 16 bytes rather than its 32 characters: no right MAC is ever right.
        ["mac-over-nonce-bytes"] = new() { MacOverNonceBytes = true, MustFail = LogsIn },
        // Compares only as much as the client sent: half a MAC, or none, lets it in.
        ["compares-what-was-sent"] = new() { ComparesWhatWasSent = true, MustFail = [PartialMac, OtherLines] },
        ["compares-first-half"] = new() { ComparesFirstHalf = true, MustFail = [LastByte] },
        // Compares hex text, so upper case is refused.
        ["compares-text"] = new() { ComparesText = true, MustFail = [UpperCase] },
        ["drops-data-after-login"] = new() { DropsDataAfterLine = true, MustFail = [DataAfterLogin] },
        ["no-login-timeout"] = new() { NoLoginTimeout = true, MustFail = [LoginTimeout] },
        ["no-line-limit"] = new() { LineLimit = int.MaxValue, MustFail = [LongLine] },
        ["one-client-at-a-time"] = new() { Diagnosis = "challenge.one-client-at-a-time", OneClientAtATime = true, MustFail = [SilentClient, LoginTimeout] },
        ["prints-password"] = new() { PrintsPassword = true, MustFail = [Secret] },
        ["hardcoded-password"] = new() { Diagnosis = "challenge.uses-own-password", HardcodedPassword = "secret123", MustFail = [RequiresPassword, .. LogsIn] },
        // A decoding error it does not catch ends the whole server.
        ["dies-on-invalid-utf8"] = new() { DiesOnInvalidUtf8 = true, MustFail = [KeepsServing] },

        // Correct.
        ["correct"] = new(),
        ["correct-byte-by-byte"] = new() { ReadsByteByByte = true },
        // The other honest reading of "longer than 1024 bytes", as in exercise 02.
        ["correct-refuses-beyond-1024"] = new() { LineLimit = 1025 },
    };

    public static async Task<int> RunAsync(int port, ChallengeMistakes mistakes, CancellationToken stopping)
    {
        string? password = mistakes.HardcodedPassword ?? Environment.GetEnvironmentVariable("SOCKET_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            Console.Error.WriteLine("No password: set SOCKET_PASSWORD.");
            return 2;
        }
        var loginTimeout = TimeSpan.FromSeconds(double.Parse(
            Environment.GetEnvironmentVariable("SOCKET_LOGIN_TIMEOUT") ?? "5", System.Globalization.CultureInfo.InvariantCulture));

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Listening.Address, port));
        listener.Listen();
        var died = new TaskCompletionSource();
        while (!stopping.IsCancellationRequested && !died.Task.IsCompleted)
        {
            Socket client;
            try
            {
                var accepted = listener.AcceptAsync(stopping).AsTask();
                if (await Task.WhenAny(accepted, died.Task) != accepted)
                {
                    break;
                }
                client = await accepted;
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var serving = ServeAsync(client, mistakes, password, loginTimeout, died, stopping);
            if (mistakes.OneClientAtATime)
            {
                await serving;
            }
        }
        return died.Task.IsCompleted ? 1 : 0;
    }

    private static async Task ServeAsync(
        Socket client, ChallengeMistakes mistakes, string password, TimeSpan loginTimeout, TaskCompletionSource died, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                using var login = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                if (!mistakes.NoLoginTimeout)
                {
                    login.CancelAfter(loginTimeout);
                }
                string nonce = mistakes.Nonce();
                if (!mistakes.WaitsForClient)
                {
                    await client.SendAsync(Encoding.ASCII.GetBytes($"CHALLENGE {nonce}\n"), stopping);
                }
                var (line, after, refusal) = await AuthServers.ReadFirstLineAsync(client, mistakes.ReadsByteByByte ? 1 : 1024, mistakes.LineLimit, oneReadIsTheLine: false, login.Token);
                if (mistakes.WaitsForClient)
                {
                    await client.SendAsync(Encoding.ASCII.GetBytes($"CHALLENGE {nonce}\n"), stopping);
                }
                if (line is null)
                {
                    if (refusal is not null)
                    {
                        await client.SendAsync(Encoding.UTF8.GetBytes($"ERR {refusal}\n"), stopping);
                    }
                    return;
                }
                string given;
                try
                {
                    given = new UTF8Encoding(false, true).GetString(line);
                }
                catch (DecoderFallbackException) when (!mistakes.DiesOnInvalidUtf8)
                {
                    await client.SendAsync("ERR invalid UTF-8\n"u8.ToArray(), stopping);
                    return;
                }
                if (mistakes.PrintsPassword)
                {
                    Console.WriteLine($"Expecting the MAC of {nonce} with the password {password}");
                }
                if (!given.StartsWith("AUTH ", StringComparison.Ordinal) || !Accepts(given[5..], nonce, password, mistakes))
                {
                    await client.SendAsync("ERR wrong MAC\n"u8.ToArray(), stopping);
                    return;
                }
                await AuthServers.AcceptAndEchoAsync(client, mistakes.DropsDataAfterLine ? [] : after, stopping);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // This client's connection ends; the server goes on.
            }
            catch (DecoderFallbackException)
            {
                died.TrySetResult(); // the mistake: one client's bad line ends the server
            }
        }
    }

    private static bool Accepts(string hex, string nonce, string password, ChallengeMistakes mistakes)
    {
        if (mistakes.AcceptsPasswordInClear && hex == password)
        {
            return true;
        }
        byte[] message = mistakes.MacOverNonceBytes ? Convert.FromHexString(nonce) : Encoding.ASCII.GetBytes(nonce);
        byte[] expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), message);
        if (mistakes.ComparesText)
        {
            return hex == Convert.ToHexStringLower(expected);
        }
        if (hex.Length % 2 != 0 || !hex.All(Uri.IsHexDigit))
        {
            return false;
        }
        byte[] given = Convert.FromHexString(hex);
        if (mistakes.AcceptsAnyMac)
        {
            return given.Length == expected.Length;
        }
        if (mistakes.ComparesWhatWasSent)
        {
            return expected.AsSpan().StartsWith(given);
        }
        if (given.Length != expected.Length)
        {
            return false;
        }
        return mistakes.ComparesFirstHalf
            ? CryptographicOperations.FixedTimeEquals(given.AsSpan(0, 16), expected.AsSpan(0, 16))
            : CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>The mistakes a catalogue challenge server makes; none, by default.</summary>
public sealed record ChallengeMistakes
{
    /// <summary>The mistake the grader must name for it (a diagnosis id), on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks that must fail it, the one meant for its mistake first; none for a correct server.</summary>
    public string[] MustFail { get; init; } = [];

    /// <summary>Makes a connection's nonce: 16 secure random bytes in lowercase hex, by default.</summary>
    public Func<string> Nonce { get; init; } = () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public bool WaitsForClient { get; init; }

    public bool AcceptsPasswordInClear { get; init; }

    public bool AcceptsAnyMac { get; init; }

    public bool MacOverNonceBytes { get; init; }

    public bool ComparesWhatWasSent { get; init; }

    public bool ComparesFirstHalf { get; init; }

    public bool ComparesText { get; init; }

    public bool DropsDataAfterLine { get; init; }

    public bool NoLoginTimeout { get; init; }

    /// <summary>How many bytes without a \n it holds before it refuses the line: the protocol's 1024 by default.</summary>
    public int LineLimit { get; init; } = 1024;

    public bool OneClientAtATime { get; init; }

    public bool PrintsPassword { get; init; }

    public string? HardcodedPassword { get; init; }

    public bool DiesOnInvalidUtf8 { get; init; }

    /// <summary>Not a mistake: reads the first line one byte per receive.</summary>
    public bool ReadsByteByByte { get; init; }
}
