// The reference chat server: clients join with "NICK <name>\n", and every line one of them sends reaches all
// the others as "MSG <name> <text>\n". docs/protocol.md §18–§24 has the rules; exercises/03-chat/README.md why.
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SocketExercises.Common;

return await ExerciseHost.RunServerAsync(args, "Chat server: every line a client sends reaches everyone else in the room.", ChatServer.RunAsync);

internal static class ChatServer
{
    public static async Task RunAsync(ServerOptions options, CancellationToken stopping)
    {
        using var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(options.Address, options.Port));
        listener.Listen();
        using var slots = new ConnectionSlots(); // at most as many clients at once as there are file descriptors for
        Console.WriteLine($"Chat server listening on {listener.LocalEndPoint}. Press Ctrl+C to stop.");

        var room = new Room();
        while (true)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break; // Ctrl+C or SIGTERM: stop accepting
            }
            catch (SocketException e) when (ConnectionSlots.RanOut(e))
            {
                slots.TurnAway(listener); // out of file descriptors: see the echo server
                continue;
            }
            slots.Serve(socket, s => new Member(s, room).RunAsync(stopping)); // one task per client: nobody waits for anybody
        }
        Console.WriteLine("Chat server stopped.");
    }
}

/// <summary>
/// Who is in the room. Every client's task joins, leaves and broadcasts at any moment, so each of those takes
/// the lock: a broadcast never walks the list while another task changes it, two clients can never take one
/// name, and everyone receives the room's lines in the same order. The lock is held only to queue lines,
/// never to send them, so a slow client cannot hold it.
/// </summary>
internal sealed class Room
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="member"/> under <paramref name="name"/> and tells everyone; false if the name is taken.</summary>
    public bool TryJoin(string name, Member member)
    {
        lock (_lock)
        {
            if (!_members.TryAdd(name, member))
            {
                return false;
            }
            member.Send(Line("OK")); // in the same lock: OK comes before anything the room sends the newcomer
            Broadcast(Line($"JOIN {name}"), member);
            return true;
        }
    }

    public void Leave(string name, Member member)
    {
        lock (_lock)
        {
            _members.Remove(name); // the name is free again at once
            Broadcast(Line($"LEAVE {name}"), member);
        }
    }

    public void Say(string name, string text, Member sender)
    {
        byte[] line = Line($"MSG {name} {text}"); // encoded once, outside the lock, shared by every receiver
        lock (_lock)
        {
            Broadcast(line, sender);
        }
    }

    public static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    // Only queues: Member.Send never waits, so one client that does not read holds up no one (§23).
    private void Broadcast(byte[] line, Member sender)
    {
        foreach (var member in _members.Values)
        {
            if (member != sender)
            {
                member.Send(line);
            }
        }
    }
}

/// <summary>One connected client: a reader that frames its lines, and a writer that drains its own queue.</summary>
internal sealed class Member(Socket socket, Room room)
{
    // A line, with its \n, must fit in this many bytes: a client cannot make us buffer without end.
    private const int MaxLineBytes = 1024;

    // What we hold for a client that does not read before we give up on it (§24): a slow reader costs
    // at most this much memory, and never time, because nobody waits on its queue.
    private const int MaxQueuedBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Unbounded as a channel, bounded by MaxQueuedBytes: Send must never block the task that broadcasts.
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>(new() { SingleReader = true });
    private CancellationTokenSource? _lifetime;
    private volatile bool _dropped;
    private int _queuedBytes;
    private string? _name;

    /// <summary>Queues <paramref name="bytes"/> for this client; drops the client when it has fallen too far behind.</summary>
    public void Send(byte[] bytes)
    {
        if (Interlocked.Add(ref _queuedBytes, bytes.Length) > MaxQueuedBytes)
        {
            // The reader sees it, leaves the room, and the others get LEAVE. Asynchronously: we may be inside
            // the room's lock, in the middle of a broadcast, and leaving takes that lock.
            _dropped = true;
            _ = _lifetime?.CancelAsync();
            return;
        }
        _outgoing.Writer.TryWrite(bytes);
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        var remote = socket.RemoteEndPoint;
        socket.NoDelay = true; // each chat line goes out at once (see the echo server's solution)
        using var _ = socket;
        using var lifetime = _lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var writer = WriteAsync(lifetime.Token);
        try
        {
            await ReadLinesAsync(lifetime.Token);
        }
        catch (SocketException e)
        {
            Console.WriteLine($"Client {remote} left abruptly: {e.SocketErrorCode}.");
        }
        catch (OperationCanceledException) when (_dropped)
        {
            Console.WriteLine($"Client {_name ?? remote?.ToString()} dropped: it read nothing while {MaxQueuedBytes} bytes waited for it.");
        }
        catch (OperationCanceledException)
        {
            // The server is stopping: just close this connection.
        }
        finally
        {
            if (_name is not null)
            {
                room.Leave(_name, this);
                Console.WriteLine($"{_name} left.");
            }
            _outgoing.Writer.TryComplete();
        }
        await writer; // send what is still queued (an ERR before a close), unless the client was dropped
    }

    // TCP delivers a stream, not lines: a line may arrive in pieces, and one read may hold several lines.
    private async Task ReadLinesAsync(CancellationToken token)
    {
        var buffer = new byte[MaxLineBytes];
        int filled = 0;
        while (true)
        {
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', 0, filled)) >= 0)
            {
                int end = newline > 0 && buffer[newline - 1] == '\r' ? newline - 1 : newline;
                HandleLine(buffer.AsSpan(0, end));
                // Keep what followed the line: the start of the next one.
                filled -= newline + 1;
                Buffer.BlockCopy(buffer, newline + 1, buffer, 0, filled);
            }
            if (filled == buffer.Length)
            {
                Reply("ERR line too long"); // refuse now, without reading more, and close
                return;
            }
            int received = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, token);
            if (received == 0)
            {
                return; // the client closed (or half-closed): it has left
            }
            filled += received;
        }
    }

    private void HandleLine(ReadOnlySpan<byte> bytes)
    {
        string line;
        try
        {
            line = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Reply("ERR line is not valid UTF-8"); // delivered to no one; the client may go on
            return;
        }

        if (_name is not null)
        {
            if (line.Length > 0) // empty lines are ignored
            {
                room.Say(_name, line, this);
            }
            return;
        }

        if (!line.StartsWith("NICK ", StringComparison.Ordinal))
        {
            Reply("ERR join first with NICK <name>");
            return;
        }
        string name = line["NICK ".Length..];
        if (!IsValidName(name))
        {
            Reply("ERR a name is 1 to 16 letters, digits, _ or -");
            return;
        }
        if (!room.TryJoin(name, this))
        {
            Reply("ERR name in use");
            return;
        }
        _name = name;
        Console.WriteLine($"{name} joined from {socket.RemoteEndPoint}.");
    }

    // Letters of any alphabet count (Đurđa is a name): Rune walks Unicode characters, not UTF-16 halves.
    private static bool IsValidName(string name)
    {
        int count = 0;
        foreach (var rune in name.EnumerateRunes())
        {
            if (++count > 16 || !(Rune.IsLetterOrDigit(rune) || rune.Value is '_' or '-'))
            {
                return false;
            }
        }
        return count > 0;
    }

    private void Reply(string line) => Send(Room.Line(line));

    // The only place that writes to the socket, so lines never interleave; a slow client blocks only this task.
    private async Task WriteAsync(CancellationToken token)
    {
        var batch = new byte[64 * 1024];
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(CancellationToken.None))
            {
                // Gather what is queued into one send: many short lines, few system calls.
                int filled = 0;
                while (_outgoing.Reader.TryPeek(out var next) && (filled == 0 || filled + next.Length <= batch.Length))
                {
                    _outgoing.Reader.TryRead(out _);
                    if (next.Length > batch.Length)
                    {
                        batch = new byte[next.Length];
                    }
                    next.CopyTo(batch, filled);
                    filled += next.Length;
                }
                for (int sent = 0; sent < filled;)
                {
                    sent += await socket.SendAsync(batch.AsMemory(sent, filled - sent), SocketFlags.None, token);
                }
                Interlocked.Add(ref _queuedBytes, -filled);
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            // The client is gone or dropped: the reader ends the membership.
        }
    }
}
