using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Bench;

/// <summary>What a load run measured.</summary>
/// <param name="Bytes">Bytes echoed back in whole round trips.</param>
/// <param name="RoundTrips">Blocks sent and received back whole.</param>
/// <param name="Latencies">Each round trip's time, sorted.</param>
/// <param name="Elapsed">How long the load ran.</param>
/// <param name="Lost">Connections the server closed or reset before the end.</param>
/// <param name="Unreached">Connections that could not be made at all.</param>
public sealed record LoadResult(long Bytes, long RoundTrips, IReadOnlyList<TimeSpan> Latencies, TimeSpan Elapsed, int Lost, int Unreached)
{
    /// <summary>Connections the server did not let in (a password server); <see cref="Refusal"/> says what it answered.</summary>
    public int Refused { get; init; }

    /// <summary>What the server answered the first refused login, for a person to read; null when none was refused.</summary>
    public string? Refusal { get; init; }

    public double MebibytesPerSecond => Bytes / 1048576.0 / Elapsed.TotalSeconds;

    public double RoundTripsPerSecond => RoundTrips / Elapsed.TotalSeconds;

    /// <summary>The latency below which <paramref name="percent"/> of round trips took; zero when there were none.</summary>
    public TimeSpan Percentile(double percent) =>
        Latencies.Count == 0 ? TimeSpan.Zero : Latencies[Math.Min(Latencies.Count - 1, (int)(Latencies.Count * percent / 100))];
}

/// <summary>
/// The echo load: each of N connections writes a block and reads its echo back whole, again and again, for the
/// given time. Its own side sets NoDelay and reuses its buffers, so a stall it measures is the server's.
/// </summary>
public static class EchoLoad
{
    /// <param name="progress">Told the bytes echoed so far, about twice a second.</param>
    /// <param name="logIn">How each connection logs in before its round trips; null for a server that echoes at once.</param>
    public static async Task<LoadResult> RunAsync(
        IPEndPoint server, int connections, int block, TimeSpan duration, Action<long>? progress, CancellationToken cancellationToken, BenchLogin? logIn = null)
    {
        long bytes = 0;
        long roundTrips = 0;
        int lost = 0;
        int unreached = 0;
        int refused = 0;
        string? refusal = null;
        var latencies = new List<TimeSpan>[connections];
        var clock = Stopwatch.StartNew();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);

        async Task ConnectionAsync(int index)
        {
            var mine = latencies[index] = [];
            var payload = new byte[block];
            Random.Shared.NextBytes(payload);
            var echo = new byte[block];
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(server, stop.Token);
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref unreached);
                return;
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (logIn is not null && await LogInAsync(socket) is { } answer)
                {
                    Interlocked.Increment(ref refused);
                    Interlocked.CompareExchange(ref refusal, answer, null);
                    return;
                }
                while (!stop.IsCancellationRequested)
                {
                    long started = Stopwatch.GetTimestamp();
                    var sending = SendAllAsync(socket, payload, stop.Token);
                    // Read while writing: a block larger than the socket buffers would otherwise deadlock with the server.
                    for (int received = 0; received < block;)
                    {
                        int count = await socket.ReceiveAsync(echo.AsMemory(received), SocketFlags.None, stop.Token);
                        if (count == 0)
                        {
                            Interlocked.Increment(ref lost);
                            return;
                        }
                        received += count;
                    }
                    await sending;
                    mine.Add(Stopwatch.GetElapsedTime(started));
                    Interlocked.Add(ref bytes, block);
                    Interlocked.Increment(ref roundTrips);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The time is up: a round trip under way is not counted.
            }
            catch (SocketException)
            {
                Interlocked.Increment(ref lost);
            }
        }

        // A server that never answers the login is refused by the end of the run, not waited on past it.
        async Task<string?> LogInAsync(Socket socket)
        {
            try
            {
                return await logIn(socket, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                return Strings.FormatBenchLoginUnanswered(Durations.Format(duration));
            }
        }

        var running = Task.WhenAll(Enumerable.Range(0, connections).Select(ConnectionAsync));
        while (await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None)) != running)
        {
            progress?.Invoke(Interlocked.Read(ref bytes));
        }
        await running;
        cancellationToken.ThrowIfCancellationRequested();
        var all = latencies.SelectMany(l => l ?? []).Order().ToList();
        return new LoadResult(bytes, roundTrips, all, clock.Elapsed < duration ? duration : clock.Elapsed, lost, unreached)
        {
            Refused = refused,
            Refusal = refusal,
        };
    }

    /// <summary>send() may take fewer bytes than offered: sends until all are gone.</summary>
    internal static async Task SendAllAsync(Socket socket, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, SocketFlags.None, cancellationToken)..];
        }
    }
}
