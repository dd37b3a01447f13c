using SocketExercises.Grader.CodeReview;
using SocketExercises.Grader.Tests.Reports;

namespace SocketExercises.Grader.Tests.CodeReview;

/// <summary>
/// The kit's security analyzer on the mistakes it is for, each written as a student would, and on the right way
/// to do the same thing, which it must leave alone. Snippets are compiled with Roslyn as the grader's review does.
/// </summary>
public sealed class SecurityAnalyzerTests
{
    // A method of a password server, with the usings and the options a student's code has.
    private static string Server(string body) => $$"""
        using System.Net.Sockets;
        using System.Security.Cryptography;
        using System.Text;
        using SocketExercises.Common;

        internal static class Server
        {
            private static readonly Random Rng = new();

            public static string? Check(string line, AuthServerOptions options, byte[] received)
            {
                string password = options.Password;
                {{body}}
                return null;
            }
        }
        """;

    public static TheoryData<string, string> Mistakes { get; } = new()
    {
        // SE0001: a comparison that stops at the first difference.
        { "SE0001", """if (line == "AUTH " + password) { return "ok"; }""" },
        { "SE0001", """if (line["AUTH ".Length..] != options.Password) { return "wrong password"; }""" },
        { "SE0001", """if (line.Equals($"AUTH {password}", StringComparison.Ordinal)) { return "ok"; }""" },
        { "SE0001", """if (string.Equals(line, password)) { return "ok"; }""" },
        { "SE0001", """byte[] expected = Encoding.UTF8.GetBytes(password); if (received.SequenceEqual(expected)) { return "ok"; }""" },
        { "SE0001", """byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(password), received); if (Convert.ToHexString(mac) == line) { return "ok"; }""" },
        { "SE0001", """if (line.StartsWith(password, StringComparison.Ordinal)) { return "ok"; }""" },
        // SE0002: a secret in the code.
        { "SE0002", """string secret = "hunter2"; _ = secret;""" },
        { "SE0002", """string fallback = options.Password ?? "admin123"; string pwd = fallback.Length > 0 ? fallback : "letmein"; _ = pwd;""" },
        { "SE0002", """if (line == "AUTH " + "hunter2" && password is "hunter2") { return "ok"; }""" },
        { "SE0002", """byte[] mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes("k3y"), received); _ = mac;""" },
        // SE0003: System.Random for what must be unpredictable.
        { "SE0003", """byte[] nonce = new byte[16]; Rng.NextBytes(nonce); _ = nonce;""" },
        { "SE0003", """var random = new Random(); byte[] bytes = new byte[16]; random.NextBytes(bytes); string challenge = Convert.ToHexString(bytes); _ = challenge;""" },
        { "SE0003", """string token = Random.Shared.Next().ToString(); _ = token;""" },
        // SE0004: a password changed before it is compared.
        { "SE0004", """string given = line["AUTH ".Length..].Trim(); if (CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(password))) { } if (given == password) { }""" },
        { "SE0004", """if (string.Equals(line, password, StringComparison.OrdinalIgnoreCase)) { return "ok"; }""" },
        { "SE0004", """string guess = line.ToLowerInvariant(); bool right = guess == password.ToLowerInvariant(); _ = right;""" },
    };

    public static TheoryData<string> RightWays { get; } = new()
    {
        // The reference solution's comparison, and comparisons that have nothing to do with a secret.
        """
        byte[] given = SHA256.HashData(Encoding.UTF8.GetBytes(line["AUTH ".Length..]));
        byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        if (!CryptographicOperations.FixedTimeEquals(given, expected)) { return "wrong password"; }
        """,
        """if (!line.StartsWith("AUTH ", StringComparison.Ordinal) || line == "QUIT" || password.Length == 0 || password == null) { return "expected AUTH"; }""",
        """if (string.IsNullOrEmpty(password) || password == "") { return "no password"; }""",
        // The line's end is all that comes off.
        """string text = line.TrimEnd('\r'); string other = line.TrimEnd('\r', '\n'); _ = text + other;""",
        // Names that mention a password without holding one.
        """const string PasswordVariable = "SOCKET_PASSWORD"; string passwordPrompt = "Password: "; string? fromEnvironment = Environment.GetEnvironmentVariable(PasswordVariable); _ = passwordPrompt + fromEnvironment;""",
        // Random for what may be predictable; a cryptographic generator for what may not.
        """int delay = Rng.Next(100); string nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); _ = delay + nonce;""",
        // A dictionary's key.
        """var seen = new Dictionary<string, int>(); foreach (var key in seen.Keys) { if (key == line) { return key; } }""",
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task Flags_the_mistake_it_is_for(string rule, string body)
    {
        var findings = await ReviewAsync(Server(body));

        Assert.Contains(findings, f => f.Rule == rule);
    }

    [Theory]
    [MemberData(nameof(RightWays))]
    public async Task Leaves_the_right_way_alone(string body)
    {
        var findings = await ReviewAsync(Server(body));

        Assert.Empty(findings);
    }

    [Fact]
    public async Task Flags_an_async_void_method_and_a_dropped_task_that_catches_nothing_in_an_accept_loop()
    {
        const string code = """
            using System.Net.Sockets;

            internal static class Server
            {
                public static async Task RunAsync(Socket listener)
                {
                    while (true)
                    {
                        Socket client = await listener.AcceptAsync();
                        _ = ServeAsync(client);
                        Serve(client);
                    }
                }

                private static async Task ServeAsync(Socket client)
                {
                    var buffer = new byte[1024];
                    int received = await client.ReceiveAsync(buffer);
                    await client.SendAsync(buffer.AsMemory(0, received));
                }

                private static async void Serve(Socket client) => await ServeAsync(client);
            }
            """;

        var findings = await ReviewAsync(code);

        Assert.Equal([("SE0005", 10), ("SE0005", 22)], findings.Select(f => (f.Rule, f.Line)));
        Assert.Contains("ServeAsync", findings[0].Message, StringComparison.Ordinal);
        Assert.Contains("async void", findings[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Leaves_alone_a_dropped_task_that_catches_what_a_client_can_cause()
    {
        const string code = """
            using System.Net.Sockets;

            internal static class Server
            {
                public static async Task RunAsync(Socket listener)
                {
                    while (true)
                    {
                        Socket client = await listener.AcceptAsync();
                        _ = ServeAsync(client); // one task per client; none waits for another
                    }
                }

                private static async Task ServeAsync(Socket client)
                {
                    using (client)
                    {
                        try
                        {
                            var buffer = new byte[1024];
                            int received = await client.ReceiveAsync(buffer);
                            await client.SendAsync(buffer.AsMemory(0, received));
                        }
                        catch (SocketException)
                        {
                            // the client left abruptly: that ends this connection only
                        }
                    }
                }
            }
            """;

        Assert.Empty(await ReviewAsync(code));
    }

    [Fact]
    public async Task Sees_through_a_pragma_that_quiets_the_build()
    {
        var findings = await ReviewAsync(Server("""
            #pragma warning disable SE0001 // the build says nothing now
            if (line == password) { return "ok"; }
            #pragma warning restore SE0001
            """));

        Assert.Equal("SE0001", Assert.Single(findings).Rule);
    }

    [Fact]
    public async Task Says_where_and_what_in_the_language_of_the_report()
    {
        var english = await ReviewAsync(Server("""if (line == password) { return "ok"; }"""));
        var croatian = await GradedReports.InLanguage("hr", () => ReviewAsync(Server("""if (line == password) { return "ok"; }""")));

        var finding = Assert.Single(english);
        Assert.Equal(("SE0001", "Program.cs", 13), (finding.Rule, finding.File, finding.Line));
        Assert.StartsWith("'line == password' compares a secret with ==", finding.Message, StringComparison.Ordinal);
        Assert.StartsWith("'line == password' uspoređuje tajnu pomoću ==", Assert.Single(croatian).Message, StringComparison.Ordinal);
    }

    private static Task<IReadOnlyList<CodeFinding>> ReviewAsync(string code) =>
        CodeReviewer.ReviewAsync([("Program.cs", code)], TestContext.Current.CancellationToken);
}
