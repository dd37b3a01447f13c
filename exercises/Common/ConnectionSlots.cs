using System.Globalization;
using System.Net.Sockets;
using SocketExercises.Common.Texts;

namespace SocketExercises.Common;

/// <summary>
/// How many clients a server serves at once, so that it never runs out of file descriptors. Every open
/// connection holds one, and a process has a limit (<c>ulimit -n</c>; the .NET runtime raises it as far as the
/// system lets it). A server that hits the limit fails in accept() (EMFILE), and worse, the runtime itself needs
/// descriptors now and then and aborts without them: anyone who opens enough connections could stop it. So
/// the server serves at most the limit less a margin for the runtime, and turns away (closes at once) a client
/// beyond that: the clients it has keep working, and new ones are served as soon as others leave.
/// </summary>
public sealed class ConnectionSlots : IDisposable
{
    // Beyond what is open at start (each assembly the runtime has loaded holds two): for the assemblies, threads and
    // executable memory it may need later, each of which takes a descriptor too.
    private const int RuntimeMargin = 96;

    private Socket? _spare = TakeSpare();
    private int _open;
    private int _said;

    public ConnectionSlots()
    {
        int? limit = OpenFileLimit();
        Limit = limit is { } files ? Math.Max(1, files - OpenNow() - RuntimeMargin) : int.MaxValue;
        if (limit is { } allowed && Limit < 10_000)
        {
            // Said at start, so the reason is known before any client is turned away.
            Console.WriteLine(CommonTexts.FormatConnectionLimit(Limit.ToString(CultureInfo.InvariantCulture), allowed.ToString(CultureInfo.InvariantCulture)));
        }
        // Writing to standard error the first time opens it, which takes a descriptor too: opened now, while there are some.
        _ = Console.Error;
    }

    /// <summary>How many clients it serves at once.</summary>
    public int Limit { get; }

    /// <summary>Whether accept() failed for lack of descriptors (or of the memory for another socket).</summary>
    public static bool RanOut(SocketException e) => e.SocketErrorCode is SocketError.TooManyOpenSockets or SocketError.NoBufferSpaceAvailable;

    /// <summary>Serves <paramref name="client"/> in a task of its own with <paramref name="serve"/> if a slot is free; otherwise closes it at once.</summary>
    public void Serve(Socket client, Func<Socket, Task> serve)
    {
        if (Interlocked.Increment(ref _open) > Limit)
        {
            Interlocked.Decrement(ref _open);
            SayFull();
            client.Dispose(); // the client reads the end of the stream at once, rather than waiting on a server that won't answer
            return;
        }
        _ = ServeAsync(client, serve);
    }

    /// <summary>
    /// accept() failed for lack of descriptors all the same (the whole system ran out, or files took them): frees
    /// the one kept in reserve, accepts the waiting client and closes it, and takes the reserve again; retrying
    /// accept() at once instead would spin, with that client waiting at the head of the queue for good.
    /// </summary>
    public void TurnAway(Socket listener)
    {
        SayFull();
        _spare?.Dispose();
        _spare = null;
        try
        {
            // Polled first: the client may have given up, and a blocking accept() would then wait for the next one.
            if (listener.Poll(0, SelectMode.SelectRead))
            {
                using var turnedAway = listener.Accept();
            }
        }
        catch (SocketException)
        {
            // Still none to be had: the next accept() fails again, and comes back here.
        }
        _spare = TakeSpare();
    }

    public void Dispose() => _spare?.Dispose();

    private async Task ServeAsync(Socket client, Func<Socket, Task> serve)
    {
        try
        {
            await serve(client);
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }
    }

    private void SayFull()
    {
        if (Interlocked.Exchange(ref _said, 1) == 0)
        {
            Console.Error.WriteLine(CommonTexts.FormatConnectionsFull(Limit.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private static Socket? TakeSpare()
    {
        try
        {
            return new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        }
        catch (SocketException)
        {
            return null; // none free now: taken again after the next turn-away
        }
    }

    // How many descriptors the process holds now, where the system tells it (Linux).
    private static int OpenNow()
    {
        try
        {
            return Directory.Exists("/proc/self/fd") ? Directory.GetFiles("/proc/self/fd").Length : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    // The soft limit on open files, where the system tells it (Linux); null elsewhere.
    private static int? OpenFileLimit()
    {
        try
        {
            string? line = File.ReadLines("/proc/self/limits").FirstOrDefault(l => l.StartsWith("Max open files", StringComparison.Ordinal));
            string[] fields = line?[("Max open files".Length)..].Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
            return fields.Length > 0 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out int soft) ? soft : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
