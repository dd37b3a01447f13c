using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The grader knows only the wire: programs in Python, written as first examples usually are
/// (tests/Catalogue/Echo/python/), are graded like C# ones, and the report says what they do right and wrong.
/// </summary>
public sealed class OtherLanguageTests
{
    private static ShellCommand Python(string script) =>
        new($"python3 \"{Path.Combine(KitPrograms.PythonPrograms, script)}\"");

    [Fact]
    public async Task A_Python_server_that_serves_one_client_is_graded_on_everything_else_too()
    {
        // Given a Python server that echoes correctly but ends after its first client
        // When the grader starts it (and starts it again each time it ends)
        var report = await Grade.ServerAsync(EchoServer, Python("one_client_server.py"));

        // Then it fails only what serving one client breaks, and every echo check passes
        Assert.Equal(
            ["echo.concurrent-clients", "echo.second-client", "echo.survives-reset"],
            report.Ids(CheckStatus.Failed).Order());
        Assert.Equal(9, report.Passed);
        Assert.Contains(report.Notes, n => n.Contains("started it again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Python_client_written_like_the_courses_is_told_it_sends_a_fixed_message_and_reads_once()
    {
        // Given a client as the course's first example writes it: b"Hello, world" in the code, one recv
        var report = await Grade.EchoClientAsync(Python("one_recv_client.py"));

        // Then it fails for its message, said plainly, and for an echo that comes in pieces, and nothing else
        Assert.Equal(["echo-client.sends-message", "echo-client.reassembles-pieces"], report.Ids(CheckStatus.Failed));
        Assert.Contains("\"Hello, world\", not the message it was given", report.Results.Single(r => r.Info.Id == "echo-client.sends-message").Message);
        Assert.Equal(3, report.Passed);

        // And the mistake behind the pieces is named with Python's calls
        var pieces = report.Results.Single(r => r.Info.Id == "echo-client.reassembles-pieces");
        Assert.Equal("echo-client.prints-one-receive", pieces.Diagnosis?.Id);
        Assert.Contains("`recv`", pieces.Diagnosis!.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Python_server_that_decodes_and_encodes_is_told_so_in_Python_s_terms()
    {
        // Given a Python server that echoes through data.decode() and .encode()
        var report = await Grade.ServerAsync(EchoServer, Python("decoding_server.py"));

        // Then the bytes that are not text fail, and every failure names the mistake, with the fix in Python
        Assert.Equal(["echo.all-byte-values", "echo.large-payload"], report.Ids(CheckStatus.Failed));
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Failed), r =>
        {
            Assert.Equal("echo.bytes-through-text", r.Diagnosis?.Id);
            Assert.Contains("`data.decode()`", r.Diagnosis!.Fix, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task A_Python_asyncio_chat_server_passes_every_check()
    {
        // Given a correct chat server in Python: asyncio, a queue and a writer task per client
        var report = await Grade.ServerAsync(ChatServer, new($"python3 \"{Path.Combine(KitPrograms.PythonChatPrograms, "asyncio_chat_server.py")}\""));

        // Then the grader, which knows only the wire, passes it as it passes the reference server
        Assert.True(report.Succeeded, report.Describe());
    }

    [Fact]
    public async Task A_Python_challenge_server_and_client_written_with_hmac_and_secrets_pass_every_check()
    {
        // Given exercise 04 in Python: secrets.token_hex for the nonce, hmac.new and hmac.compare_digest
        string programs = KitPrograms.PythonChallengePrograms;

        // When the grader plays the client and the eavesdropper to one, and the server to the other
        var server = await Grade.ServerAsync(ChallengeServer, new($"python3 \"{Path.Combine(programs, "challenge_server.py")}\" --port {{port}}"));
        var client = await Grade.ProgramAsync(ChallengeClient, new ShellCommand($"python3 \"{Path.Combine(programs, "challenge_client.py")}\" --port {{port}}"), cancellationToken: TestContext.Current.CancellationToken);

        // Then both pass, as the C# solutions do
        Assert.True(server.Succeeded, server.Describe());
        Assert.True(client.Succeeded, client.Describe());
    }

    [Fact]
    public async Task A_python_password_server_earns_the_constant_time_point_with_compare_digest_and_loses_it_with_equals()
    {
        // Given exercise 02's server in Python twice, the second comparing the password with ==, each in a folder of its own
        string programs = KitPrograms.PythonAuthPrograms;
        Task<GradeReport> GradeAsync(string folder) => Grade.ProgramAsync(
            AuthServer, new ShellCommand($"python3 \"{Path.Combine(programs, folder, "auth_server.py")}\" --port {{port}}"),
            source: Path.Combine(programs, folder), cancellationToken: TestContext.Current.CancellationToken);

        // When both are graded, their code read from their folders
        var right = await GradeAsync("compare_digest");
        var equals = await GradeAsync("equals");

        // Then the first earns every point; the second works on the wire as well and loses the code check's, told where and what to use
        Assert.True(right.Succeeded, right.Describe());
        Assert.Equal(right.MaxScore, right.Score);
        Assert.Equal(["auth.compares-in-constant-time"], equals.Ids(CheckStatus.Failed));
        string message = equals.Results.Single(r => r.Status == CheckStatus.Failed).Message!;
        Assert.Contains("auth_server.py:15: SE0001 'given == password'", message, StringComparison.Ordinal);
        Assert.Contains("hmac.compare_digest", message, StringComparison.Ordinal);
    }
}
