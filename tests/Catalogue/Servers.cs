using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue;

/// <summary>
/// Echo servers by name: first the broken ones, each with one mistake students make, then correct ones
/// written unusually, which the grader must pass.
/// </summary>
public static class Servers
{
    public static IReadOnlyDictionary<string, ServerBehaviour> All { get; } = new Dictionary<string, ServerBehaviour>
    {
        // Broken.
        ["reads-once"] = new(ReadsOnceAndCloses),
        ["one-client-at-a-time"] = new(Echo) { OneClientAtATime = true },
        ["exits-after-first-client"] = new(Echo) { ExitsAfterFirstClient = true },
        ["dies-on-reset"] = new(Echo) { DiesOnClientError = true },
        ["ignores-half-close"] = new(IgnoresHalfClose),
        ["decodes-ascii"] = new((client, stop) => EchoThrough(client, Encoding.ASCII, stop)),
        ["decodes-utf8"] = new((client, stop) => EchoThrough(client, Encoding.UTF8, stop)),
        ["sends-whole-buffer"] = new(SendsWholeBuffer),
        ["appends-newline"] = new(AppendsNewline),
        ["sends-greeting"] = new(SendsGreeting),
        ["waits-for-full-buffer"] = new(WaitsForFullBuffer),
        ["silent"] = new(Silent),
        ["floods"] = new(Floods),

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
