using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace SocketExercises.Catalogue.Chat.Server;

/// <summary>The members of a catalogue chat server, with its mistakes in how it joins, leaves and broadcasts.</summary>
internal sealed class CatalogueRoom(ChatMistakes mistakes)
{
    private readonly Lock _lock = new();
    private readonly List<(string Name, CatalogueMember Member)> _members = [];
    private readonly HashSet<string> _leftNames = [];
    private int _everJoined;

    /// <summary>Null if joined; otherwise the reason to refuse.</summary>
    public string? TryJoin(string name, CatalogueMember member)
    {
        lock (_lock)
        {
            if (mistakes.UniqueNames && (_members.Any(m => m.Name == name) || (!mistakes.FreesNames && _leftNames.Contains(name))))
            {
                return "name in use";
            }
            if (_members.Count >= mistakes.MaxMembers || _everJoined >= mistakes.MaxMembersEver)
            {
                return "room is full";
            }
            _everJoined++;
            _members.Add((name, member));
            member.Send(Line("OK"));
        }
        if (mistakes.AnnouncesJoins)
        {
            Broadcast(Line($"JOIN {name}"), member);
        }
        return null;
    }

    public void Leave(string name, CatalogueMember member)
    {
        lock (_lock)
        {
            _members.RemoveAll(m => m.Member == member);
            _leftNames.Add(name);
        }
        if (mistakes.AnnouncesLeaves && mistakes.LeaveNoticeDelay > TimeSpan.Zero)
        {
            _ = Task.Delay(mistakes.LeaveNoticeDelay).ContinueWith(_ => Broadcast(Line($"LEAVE {name}"), member), TaskScheduler.Default);
        }
        else if (mistakes.AnnouncesLeaves)
        {
            Broadcast(Line($"LEAVE {name}"), member);
        }
    }

    public void Broadcast(byte[] line, CatalogueMember sender)
    {
        CatalogueMember[] receivers;
        lock (_lock)
        {
            receivers = [.. _members.Select(m => m.Member).Where(m => mistakes.SendsToSender || m != sender)];
        }
        foreach (var receiver in mistakes.DeliversToFirstOnly ? receivers.Take(1) : receivers)
        {
            receiver.Send(line);
        }
    }

    public byte[] Line(string text) => mistakes.Encoding.GetBytes(text + "\n");
}

/// <summary>One client of a catalogue chat server: a reader, and a queue with a writer (unless a mistake skips it).</summary>
internal sealed class CatalogueMember(Socket socket, CatalogueRoom room, ChatMistakes mistakes)
{
    private const long MaxQueuedBytes = 1024 * 1024;

    // A blocking queue and a writer thread for the thread-per-client server; a channel and a writer task otherwise.
    private readonly BlockingCollection<byte[]> _blocking = [];
    private readonly Channel<byte[]> _channel = mistakes.QueueLines == int.MaxValue
        ? Channel.CreateUnbounded<byte[]>()
        : Channel.CreateBounded<byte[]>(new BoundedChannelOptions(mistakes.QueueLines) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _name;
    private long _queued;

    public void Send(byte[] line)
    {
        if (mistakes.AwaitsEachReceiver)
        {
            SendNow(line); // the broadcaster waits for this receiver before the next
        }
        else if (Interlocked.Add(ref _queued, line.Length) > MaxQueuedBytes && !mistakes.NoQueueLimit)
        {
            socket.Dispose(); // too far behind: the reader ends, and the member leaves the room
        }
        else if (mistakes.Threads)
        {
            try
            {
                _blocking.TryAdd(line);
            }
            catch (InvalidOperationException)
            {
                // The member has just left and its queue is closed: nobody is there to read the line.
            }
        }
        else
        {
            _channel.Writer.TryWrite(line);
        }
    }

    /// <summary>Serves the client to the end: with blocking calls on the calling thread when <see cref="ChatMistakes.Threads"/>, with tasks otherwise.</summary>
    public async Task ServeAsync(CancellationToken stopping)
    {
        socket.NoDelay = true;
        Task writer;
        if (mistakes.Threads)
        {
            var written = new TaskCompletionSource();
            new Thread(() => { WriteBlocking(); written.SetResult(); }) { IsBackground = true }.Start();
            writer = written.Task;
        }
        else
        {
            writer = WriteAsync();
        }
        using var registration = stopping.Register(socket.Dispose);
        try
        {
            if (mistakes.Banner is { } banner)
            {
                Send(room.Line(banner));
            }
            await ReadLinesAsync();
        }
        catch (SocketException)
        {
            // The client left abruptly: it leaves the room below.
        }
        catch (ObjectDisposedException)
        {
            // The server is stopping.
        }
        finally
        {
            if (_name is not null)
            {
                room.Leave(_name, this);
            }
            _blocking.CompleteAdding();
            _channel.Writer.TryComplete();
            await writer.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
            socket.Dispose();
        }
    }

    private async Task ReadLinesAsync()
    {
        var buffer = new byte[Math.Min(mistakes.LineLimit, 1 << 20)];
        int filled = 0;
        while (true)
        {
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', 0, filled)) >= 0)
            {
                int end = newline > 0 && buffer[newline - 1] == '\r' && !mistakes.KeepsCr ? newline - 1 : newline;
                if (!Handle(buffer.AsSpan(0, end)))
                {
                    return;
                }
                filled -= newline + 1;
                Buffer.BlockCopy(buffer, newline + 1, buffer, 0, filled);
            }
            if (filled == buffer.Length)
            {
                if (mistakes.LineLimit == int.MaxValue)
                {
                    Array.Resize(ref buffer, buffer.Length * 2); // no limit: hold whatever comes
                }
                else
                {
                    Send(room.Line("ERR line too long"));
                    return;
                }
            }
            int received = mistakes.Threads
                ? socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None)
                : await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None);
            if (received == 0)
            {
                return;
            }
            if (mistakes.OneReadIsOneLine)
            {
                int end = buffer[received - 1] == '\n' ? received - 1 : received;
                Handle(buffer.AsSpan(0, end));
                continue;
            }
            filled += received;
        }
    }

    // False when the connection is to be closed.
    private bool Handle(ReadOnlySpan<byte> bytes)
    {
        string line;
        try
        {
            line = mistakes.Encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Send(room.Line("ERR not UTF-8"));
            return true;
        }
        if (_name is not null || mistakes.DeliversBeforeJoin && !line.StartsWith("NICK ", StringComparison.Ordinal))
        {
            if (line.Length > 0)
            {
                room.Broadcast(room.Line($"MSG {_name ?? "?"} {line}"), this);
            }
            return true;
        }
        if (!line.StartsWith("NICK ", StringComparison.Ordinal))
        {
            Send(room.Line("ERR join first"));
            return true;
        }
        string name = line[5..];
        string? refusal = mistakes.ValidName(name) ? room.TryJoin(name, this) : "invalid name";
        if (refusal is null)
        {
            _name = name;
            return true;
        }
        Send(room.Line($"ERR {refusal}"));
        return !mistakes.ClosesAfterBadName;
    }

    private void WriteBlocking()
    {
        try
        {
            foreach (var line in _blocking.GetConsumingEnumerable())
            {
                SendNow(line);
                Interlocked.Add(ref _queued, -line.Length);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client is gone: the reader ends the membership.
        }
    }

    private async Task WriteAsync()
    {
        try
        {
            await foreach (var line in _channel.Reader.ReadAllAsync())
            {
                for (int sent = 0; sent < line.Length;)
                {
                    sent += await socket.SendAsync(line.AsMemory(sent), SocketFlags.None);
                }
                Interlocked.Add(ref _queued, -line.Length);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The client is gone: the reader ends the membership.
        }
    }

    private void SendNow(byte[] line)
    {
        try
        {
            for (int sent = 0; sent < line.Length;)
            {
                sent += socket.Send(line, sent, line.Length - sent, SocketFlags.None);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException && mistakes.AwaitsEachReceiver)
        {
            // Sent straight from a broadcast: a receiver that is gone is the reader's to remove.
        }
    }
}
