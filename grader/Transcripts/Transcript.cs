namespace SocketExercises.Grader.Transcripts;

/// <summary>
/// Everything the grader said and heard during one check, in order. Connections of one check may run at once
/// (the concurrency check), so adding is thread-safe. Bytes that follow bytes of the same kind on the same
/// connection within a few milliseconds join the line before, as they are one message split by TCP (or by a
/// send that took it in parts), not two; bytes sent after a pause, as a check sends pieces on purpose, are a
/// line of their own, so the transcript shows the pieces the check was about.
/// </summary>
public sealed class Transcript(TimeProvider time)
{
    // Enough for any check's exchanges, and a bound on what a server that floods the grader can make it keep.
    internal const int MaxBytesKept = 4 * 1024 * 1024;

    // Shorter than any pause a check makes on purpose (10 ms between single bytes, the shortest).
    private static readonly TimeSpan JoinWithin = TimeSpan.FromMilliseconds(3);

    private readonly long _started = time.GetTimestamp();
    private readonly List<WireEvent> _events = [];
    private long _bytesKept;
    private TimeSpan _lastAdded;

    public IReadOnlyList<WireEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string party, WireEventKind kind, ReadOnlySpan<byte> data = default, string? text = null)
    {
        if (data.IsEmpty && kind is WireEventKind.Sent or WireEventKind.Received)
        {
            return;
        }
        lock (_events)
        {
            var kept = data[..(int)Math.Min(data.Length, Math.Max(0, MaxBytesKept - _bytesKept))];
            _bytesKept += kept.Length;
            var now = time.GetElapsedTime(_started);
            bool soon = now - _lastAdded < JoinWithin;
            _lastAdded = now;
            if (_events.Count > 0 && _events[^1] is var last && soon && Joins(last, party, kind))
            {
                _events[^1] = last with { Data = [.. last.Data, .. kept] };
                return;
            }
            _events.Add(new WireEvent(now, party, kind, kept.ToArray(), text));
        }
    }

    /// <summary>Adds the events of another transcript, such as a client run that this check judges.</summary>
    public void AddRange(IEnumerable<WireEvent> events)
    {
        lock (_events)
        {
            _events.AddRange(events);
        }
    }

    private static bool Joins(WireEvent last, string party, WireEventKind kind) =>
        kind is WireEventKind.Sent or WireEventKind.Received && last.Kind == kind && last.Party == party;
}
