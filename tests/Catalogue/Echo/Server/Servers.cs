using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Echo.Server;

/// <summary>
/// Echo servers by name: first the broken ones, each with one mistake students make, then correct ones
/// written unusually, which the grader must pass.
/// </summary>
public static class Servers
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "echo-server";

    private const string Accepts = "echo.accepts-connection";
    private const string SecondClient = "echo.second-client";
    private const string Short = "echo.short-message";
    private const string Utf8 = "echo.utf8-text";
    private const string AllBytes = "echo.all-byte-values";
    private const string OneByte = "echo.one-byte-at-a-time";
    private const string Several = "echo.several-messages";
    private const string Large = "echo.large-payload";
    private const string HalfClose = "echo.closes-after-half-close";
    private const string NothingExtra = "echo.nothing-extra";
    private const string Concurrent = "echo.concurrent-clients";
    private const string Reset = "echo.survives-reset";

    // Every check after the connection: a server that sends what it should not fails them all.
    private static readonly string[] AllButAccepts =
        [SecondClient, Short, Utf8, AllBytes, OneByte, Several, Large, HalfClose, NothingExtra, Concurrent, Reset];

    public static IReadOnlyDictionary<string, ServerBehaviour> All { get; } = new Dictionary<string, ServerBehaviour>
    {
        // Broken.
        ["exits-at-start"] = new(Echo) { ExitsAtStart = true, MustFail = [Accepts] },
        ["ignores-given-port"] = new(Echo) { IgnoresGivenPort = true, MustFail = [Accepts] },
        ["reads-once"] = new(ReadsOnceAndCloses) { Diagnosis = "echo.closes-after-one-receive", MustFail = [OneByte, Several, Large] },
        ["one-client-at-a-time"] = new(Echo) { Diagnosis = "echo.one-client-at-a-time", OneClientAtATime = true, MustFail = [Concurrent] },
        // Restarted after each client, it is still graded on the rest: it echoes correctly.
        ["exits-after-first-client"] = new(Echo) { ExitsAfterFirstClient = true, MustFail = [SecondClient, Concurrent, Reset] },
        ["dies-on-reset"] = new(Echo) { DiesOnClientError = true, MustFail = [Reset] },
        ["ignores-half-close"] = new(IgnoresHalfClose) { MustFail = [HalfClose] },
        ["decodes-ascii"] = new((client, stop) => EchoThrough(client, Encoding.ASCII, stop)) { Diagnosis = "echo.bytes-through-text", MustFail = [Utf8, AllBytes, Large] },
        ["decodes-utf8"] = new((client, stop) => EchoThrough(client, Encoding.UTF8, stop)) { Diagnosis = "echo.bytes-through-text", MustFail = [AllBytes, Large] },
        // The extra bytes trail each echo, so an exchange that reads just its echo back does not see them.
        ["sends-whole-buffer"] = new(SendsWholeBuffer) { Diagnosis = "echo.sends-whole-buffer", MustFail = [NothingExtra, OneByte, Several, Large, HalfClose, Reset] },
        ["appends-newline"] = new(AppendsNewline) { Diagnosis = "echo.adds-newline", MustFail = [NothingExtra, OneByte, Several, Large, HalfClose, Reset] },
        ["sends-greeting"] = new(SendsGreeting) { Diagnosis = "echo.sends-own-text", MustFail = [NothingExtra, .. AllButAccepts.Except([NothingExtra])] },
        // Echoes only in 4 KiB blocks or at the end: 1 MiB and a half-close come through, nothing short does.
        ["waits-for-full-buffer"] = new(WaitsForFullBuffer) { Diagnosis = "echo.waits-for-full-buffer", MustFail = [Short, SecondClient, Utf8, AllBytes, OneByte, Several, NothingExtra, Concurrent, Reset] },
        // Accepts and says nothing: every check waits out its time, so a test of its own grades it with a short budget.
        ["silent"] = new(Silent) { GradedAlone = true },
        ["floods"] = new(Floods) { MustFail = [NothingExtra, .. AllButAccepts.Except([NothingExtra])] },

        // Correct.
        ["correct"] = new(Echo),
        ["correct-seven-byte-buffer"] = new((client, stop) => Echo(client, bufferSize: 7, stop)), // splits č and ć between reads
        ["correct-slow"] = new(EchoSlowly),
        ["correct-stream-copy"] = new(EchoWithStreamCopy),
    };

    private static Task Echo(Socket client, CancellationToken stop) => Echo(client, bufferSize: 4096, stop);

    private static async Task Echo(Socket client, int bufferSize, CancellationToken stop)
    {
        var buffer = new byte[bufferSize];
        int received;
        while ((received = await client.ReceiveAsync(buffer, stop)) > 0)
        {
            await client.SendAsync(buffer.AsMemory(0, received), stop);
        }
    }

    private static async Task EchoSlowly(Socket client, CancellationToken stop)
    {
        var buffer = new byte[4096];
        int received;
        while ((received = await client.ReceiveAsync(buffer, stop)) > 0)
        {
            await Task.Delay(5, stop); // a busy server: every echo comes late, but it comes
            await client.SendAsync(buffer.AsMemory(0, received), stop);
        }
    }

    private static async Task EchoWithStreamCopy(Socket client, CancellationToken stop)
    {
        await using var stream = new NetworkStream(client, ownsSocket: false);
        await stream.CopyToAsync(stream, stop);
    }

    private static async Task ReadsOnceAndCloses(Socket client, CancellationToken stop)
    {
        var buffer = new byte[1024];
        int received = await client.ReceiveAsync(buffer, stop);
        await client.SendAsync(buffer.AsMemory(0, received), stop);
    }

    private static async Task IgnoresHalfClose(Socket client, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (true)
        {
            int received = await client.ReceiveAsync(buffer, stop);
            if (received == 0)
            {
                await Task.Delay(Timeout.Infinite, stop); // waits for more that will never come
            }
            await client.SendAsync(buffer.AsMemory(0, received), stop);
        }
    }

    private static async Task EchoThrough(Socket client, Encoding encoding, CancellationToken stop)
    {
        var buffer = new byte[4096];
        int received;
        while ((received = await client.ReceiveAsync(buffer, stop)) > 0)
        {
            string text = encoding.GetString(buffer, 0, received);
            await client.SendAsync(encoding.GetBytes(text), stop);
        }
    }

    private static async Task SendsWholeBuffer(Socket client, CancellationToken stop)
    {
        var buffer = new byte[1024];
        while (await client.ReceiveAsync(buffer, stop) > 0)
        {
            await client.SendAsync(buffer, stop);
        }
    }

    private static async Task AppendsNewline(Socket client, CancellationToken stop)
    {
        var buffer = new byte[4096];
        int received;
        while ((received = await client.ReceiveAsync(buffer, stop)) > 0)
        {
            await client.SendAsync(buffer.AsMemory(0, received), stop);
            await client.SendAsync("\n"u8.ToArray(), stop);
        }
    }

    private static async Task SendsGreeting(Socket client, CancellationToken stop)
    {
        await client.SendAsync("Welcome to the echo server!\n"u8.ToArray(), stop);
        await Echo(client, stop);
    }

    private static async Task WaitsForFullBuffer(Socket client, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (true)
        {
            int filled = 0;
            while (filled < buffer.Length)
            {
                int received = await client.ReceiveAsync(buffer.AsMemory(filled), stop);
                if (received == 0)
                {
                    await client.SendAsync(buffer.AsMemory(0, filled), stop);
                    return;
                }
                filled += received;
            }
            await client.SendAsync(buffer, stop);
        }
    }

    private static Task Silent(Socket client, CancellationToken stop) => Task.Delay(Timeout.Infinite, stop);

    private static async Task Floods(Socket client, CancellationToken stop)
    {
        var noise = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
        while (true)
        {
            await client.SendAsync(noise, stop);
        }
    }
}
