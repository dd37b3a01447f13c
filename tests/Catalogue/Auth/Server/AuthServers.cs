using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Auth.Server;

/// <summary>
/// Authenticating echo servers by name. Each broken one is the correct server with one mistake switched on;
/// the correct ones differ from the reference in how they are written, not in what they do.
/// </summary>
public static class AuthServers
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "auth-server";

    private const string Accepts = "auth.accepts-connection";
    private const string RightPassword = "auth.accepts-right-password";
    private const string WrongPassword = "auth.rejects-wrong-password";
    private const string Prefix = "auth.rejects-prefix";
    private const string OtherCase = "auth.rejects-other-case";
    private const string Spaces = "auth.rejects-spaces";
    private const string Empty = "auth.rejects-empty-and-other-commands";
    private const string DataAfterLogin = "auth.keeps-data-after-login";
    private const string InPieces = "auth.login-in-pieces";
    private const string LongLine = "auth.refuses-long-line";
    private const string NothingBeforeOk = "auth.nothing-before-ok";
    private const string SilentClient = "auth.silent-client-delays-no-one";
    private const string LoginTimeout = "auth.login-timeout";
    private const string BadLogins = "auth.survives-bad-logins";
    private const string RequiresPassword = "auth.requires-password";
    private const string Secret = "auth.password-kept-secret";
    private const string ConstantTime = "auth.compares-in-constant-time";

    // Every check that logs in with the right password: a server that answers it wrongly fails them all.
    private static readonly string[] LogsIn = [RightPassword, DataAfterLogin, InPieces, SilentClient, BadLogins];

    public static IReadOnlyDictionary<string, AuthMistakes> All { get; } = new Dictionary<string, AuthMistakes>
    {
        // Broken.
        ["exits-at-start"] = new() { ExitsAtStart = true, MustFail = [Accepts] },
        // Anything after "AUTH " is let in (invalid UTF-8 aside, which it refuses while decoding).
        ["accepts-any-password"] = new() { Accepts = (given, _) => true, MustFail = [WrongPassword, Prefix, OtherCase, Spaces, Empty, NothingBeforeOk] },
        // StartsWith lets in the password with anything after it, a trailing space included.
        ["prefix-match"] = new() { Accepts = (given, password) => given.StartsWith(password, StringComparison.Ordinal), MustFail = [Prefix, Spaces] },
        ["case-insensitive"] = new() { Accepts = (given, password) => string.Equals(given, password, StringComparison.OrdinalIgnoreCase), MustFail = [OtherCase] },
        ["trims"] = new() { Accepts = (given, password) => given.Trim() == password, MustFail = [Spaces] },
        ["echoes-auth-line"] = new() { EchoesAuthLine = true, MustFail = LogsIn },
        ["drops-data-after-login"] = new() { DropsDataAfterLine = true, MustFail = [DataAfterLogin] },
        // Taking one receive for the line breaks a line in pieces, and one with data after it.
        ["one-read-is-the-line"] = new() { OneReadIsTheLine = true, MustFail = [InPieces, DataAfterLogin] },
        ["no-login-timeout"] = new() { NoLoginTimeout = true, MustFail = [LoginTimeout] },
        ["no-line-limit"] = new() { LineLimit = int.MaxValue, MustFail = [LongLine] },
        // A limit, but far above the protocol's: it waits for bytes that never come.
        ["line-limit-4096"] = new() { LineLimit = 4096, MustFail = [LongLine] },
        // The second of two silent clients is not even read until the first has timed out.
        ["one-client-at-a-time"] = new() { Diagnosis = "auth.one-client-at-a-time", OneClientAtATime = true, MustFail = [SilentClient, LoginTimeout] },
        ["prints-password"] = new() { PrintsPassword = true, MustFail = [Secret] },
        // Its password between two floods of log lines, where no kept output would show it.
        ["prints-password-amid-a-flood"] = new() { Logs = LogFlood.AroundPassword, MustFail = [Secret] },
        // The password in hex, which gives it away all the same.
        ["prints-password-in-hex"] = new() { Logs = LogFlood.PasswordInHex, MustFail = [Secret] },
        // Its own password, not the one it is given: the right login fails, and it starts without one.
        ["hardcoded-password"] = new() { Diagnosis = "auth.uses-own-password", HardcodedPassword = "secret123", MustFail = [RequiresPassword, .. LogsIn] },
        ["crashes-without-password"] = new() { CrashesWithoutPassword = true, MustFail = [RequiresPassword] },
        // Every login answered right; only its code shows that how long a refusal takes depends on the guess.
        ["compares-with-equals"] = new() { Accepts = ComparesWithEquals.PasswordCheck.Accepts, Code = "Auth/Server/ComparesWithEquals", MustFail = [ConstantTime] },

        // Correct.
        ["correct"] = new(),
        ["correct-byte-by-byte"] = new() { ReadsByteByByte = true },
        // A megabyte of log lines at start, none of them the password: bounded, not blamed.
        ["correct-chatty"] = new() { Logs = LogFlood.WithoutPassword },
        // The other honest reading of "longer than 1024 bytes": it refuses once it holds more than 1024, as
        // Python's asyncio.start_server(limit=1024) does.
        ["correct-refuses-beyond-1024"] = new() { LineLimit = 1025 },
    };

    // Half a megabyte of log lines before and after the password, or a megabyte with no password at all.
    private static void PrintLogs(LogFlood logs, string password)
    {
        if (logs == LogFlood.None)
        {
            return;
        }
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 64 * 1024);
        void Flood(int lines)
        {
            for (int i = 0; i < lines; i++)
            {
                output.WriteLine($"debug: cache line {i} warmed up, nothing to report");
            }
        }
        Flood(10_000);
        if (logs == LogFlood.AroundPassword)
        {
            output.WriteLine($"debug: configured with password {password}");
        }
        else if (logs == LogFlood.PasswordInHex)
        {
            output.WriteLine($"debug: key material {Convert.ToHexStringLower(Encoding.UTF8.GetBytes(password))}");
        }
        Flood(10_000);
    }

    public static async Task<int> RunAsync(int port, AuthMistakes mistakes, CancellationToken stopping)
    {
        if (mistakes.ExitsAtStart)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on port {port}: giving up.");
            return 1;
        }
        string? password = mistakes.HardcodedPassword ?? Environment.GetEnvironmentVariable("SOCKET_PASSWORD");
        if (string.IsNullOrEmpty(password))
        {
            if (mistakes.CrashesWithoutPassword)
            {
                throw new InvalidOperationException("SOCKET_PASSWORD is not set"); // ends with a stack trace
            }
            Console.Error.WriteLine("No password: set SOCKET_PASSWORD.");
            return 2;
        }
        PrintLogs(mistakes.Logs, password);
        var loginTimeout = TimeSpan.FromSeconds(double.Parse(
            Environment.GetEnvironmentVariable("SOCKET_LOGIN_TIMEOUT") ?? "5", System.Globalization.CultureInfo.InvariantCulture));

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Listening.Address, port));
        listener.Listen();
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var serving = ServeAsync(client, mistakes, password, loginTimeout, stopping);
            if (mistakes.OneClientAtATime)
            {
                await serving;
            }
        }
        return 0;
    }

    private static async Task ServeAsync(Socket client, AuthMistakes mistakes, string password, TimeSpan loginTimeout, CancellationToken stopping)
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
                var (line, after, refusal) = await ReadFirstLineAsync(client, mistakes, login.Token);
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
                catch (DecoderFallbackException)
                {
                    await client.SendAsync("ERR invalid UTF-8\n"u8.ToArray(), stopping);
                    return;
                }
                if (mistakes.PrintsPassword)
                {
                    Console.WriteLine($"Login attempt: {given}");
                }
                if (!given.StartsWith("AUTH ", StringComparison.Ordinal) || !mistakes.Accepts(given[5..], password))
                {
                    await client.SendAsync("ERR wrong password\n"u8.ToArray(), stopping);
                    return;
                }
                if (mistakes.EchoesAuthLine)
                {
                    byte[] echoed = [.. line, (byte)'\n'];
                    await client.SendAsync(echoed, stopping);
                }
                await AcceptAndEchoAsync(client, mistakes.DropsDataAfterLine ? [] : after, stopping);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // This client's connection ends; the server goes on.
            }
        }
    }

    private static Task<(byte[]? Line, byte[] After, string? Refusal)> ReadFirstLineAsync(Socket client, AuthMistakes mistakes, CancellationToken login) =>
        ReadFirstLineAsync(client, mistakes.ReadsByteByByte ? 1 : 1024, mistakes.LineLimit, mistakes.OneReadIsTheLine, login);

    /// <summary>After a login the password servers of exercises 02 and 04 accept: OK, what came with the line, then the echo.</summary>
    internal static async Task AcceptAndEchoAsync(Socket client, byte[] after, CancellationToken stopping)
    {
        await client.SendAsync("OK\n"u8.ToArray(), stopping);
        if (after.Length > 0)
        {
            await client.SendAsync(after, stopping);
        }
        var buffer = new byte[4096];
        int received;
        while ((received = await client.ReceiveAsync(buffer, stopping)) > 0)
        {
            await client.SendAsync(buffer.AsMemory(0, received), stopping);
        }
    }

    /// <summary>The first line as the password servers of exercises 02 and 04 read it, with the mistakes they may make in reading it.</summary>
    internal static async Task<(byte[]? Line, byte[] After, string? Refusal)> ReadFirstLineAsync(
        Socket client, int bufferSize, int lineLimit, bool oneReadIsTheLine, CancellationToken login)
    {
        var received = new List<byte>();
        var buffer = new byte[bufferSize];
        try
        {
            while (true)
            {
                int newline = received.IndexOf((byte)'\n');
                if (newline >= 0)
                {
                    var line = received.Take(newline).ToArray();
                    if (line.Length > 0 && line[^1] == '\r')
                    {
                        line = line[..^1];
                    }
                    return (line, [.. received.Skip(newline + 1)], null);
                }
                if (received.Count >= lineLimit)
                {
                    return (null, [], "line too long");
                }
                int count = await client.ReceiveAsync(buffer, login);
                if (count == 0)
                {
                    return (null, [], null);
                }
                received.AddRange(buffer.AsSpan(0, count));
                if (oneReadIsTheLine)
                {
                    var whole = received.ToArray();
                    return (whole[^1] == '\n' ? whole[..^1] : whole, [], null);
                }
            }
        }
        catch (OperationCanceledException)
        {
            return (null, [], "login timed out");
        }
    }
}

/// <summary>The mistakes a catalogue auth server makes; none, by default.</summary>
public sealed record AuthMistakes
{
    /// <summary>The mistake the grader must name for it (a diagnosis id), on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks that must fail it, the one meant for its mistake first; none for a correct server.</summary>
    public string[] MustFail { get; init; } = [];

    /// <summary>Exits before it listens, as a server whose bind fails and which gives up does.</summary>
    public bool ExitsAtStart { get; init; }

    /// <summary>How the given password is compared with the right one.</summary>
    public Func<string, string, bool> Accepts { get; init; } = (given, password) => given == password;

    /// <summary>The folder, under tests/Catalogue, that a grading reads as its code; null where its code is not reviewed.</summary>
    public string? Code { get; init; }

    public bool EchoesAuthLine { get; init; }

    public bool DropsDataAfterLine { get; init; }

    public bool OneReadIsTheLine { get; init; }

    public bool NoLoginTimeout { get; init; }

    /// <summary>How many bytes without a \n it holds before it refuses the line: the protocol's 1024 by default.</summary>
    public int LineLimit { get; init; } = 1024;

    public bool OneClientAtATime { get; init; }

    public bool PrintsPassword { get; init; }

    /// <summary>What it prints at start, beyond a line or two.</summary>
    public LogFlood Logs { get; init; }

    public string? HardcodedPassword { get; init; }

    public bool CrashesWithoutPassword { get; init; }

    /// <summary>Not a mistake: reads the first line one byte per receive.</summary>
    public bool ReadsByteByByte { get; init; }
}

/// <summary>What a catalogue password server prints at start.</summary>
public enum LogFlood
{
    None,

    /// <summary>A megabyte of harmless log lines.</summary>
    WithoutPassword,

    /// <summary>The password, amid half a megabyte of log lines on each side.</summary>
    AroundPassword,

    /// <summary>The password's bytes in hex, amid the same.</summary>
    PasswordInHex,
}
