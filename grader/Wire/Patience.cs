namespace SocketExercises.Grader.Wire;

/// <summary>
/// How long one grading waits for something that is due (a server's reply, a client's exit), learned from the
/// program graded. Each wait is the full one until the program has once let it run out. From the next check on,
/// a program that has shown it can stall gets a shorter wait: four times the slowest it was so far, and at least
/// <see cref="Shortest"/>. A server that never answers then fails each check in half a second instead of two,
/// and its grading ends in seconds; a correct program never runs out a wait, so it never meets the shorter one.
/// </summary>
/// <param name="full">The wait of a program that has not stalled.</param>
/// <param name="shortest">The least a program that stalled is waited for.</param>
public sealed class Patience(TimeSpan full, TimeSpan shortest)
{
    /// <summary>The least a stalled server is waited for a reply: twice the quiet period that ends one.</summary>
    public static readonly TimeSpan ShortestReply = TimeSpan.FromMilliseconds(500);

    /// <summary>The least a client that did not exit is waited for: a runtime that shuts down takes its time.</summary>
    public static readonly TimeSpan ShortestExit = TimeSpan.FromSeconds(1);

    private readonly Lock _lock = new();
    private Patience? _learnsFor;
    private TimeSpan _slowest;
    private bool _stalledInThisCheck;

    /// <summary>A server's reply timeout, learned from it.</summary>
    public static Patience ForReplies(TimeSpan full) => new(full, ShortestReply);

    /// <summary>A patience that never changes: for gradings that keep the full wait throughout.</summary>
    public static Patience Fixed(TimeSpan full) => new(full, full) { Learns = false };

    /// <summary>The check (or run) in which the program first stalled; null while it has not.</summary>
    public string? FirstStall { get; private set; }

    /// <summary>The wait of a program that has not stalled.</summary>
    public TimeSpan Full => full;

    /// <summary>The least a program that stalled is waited for.</summary>
    public TimeSpan Shortest => shortest;

    /// <summary>Whether a wait was shorter than <see cref="Full"/>, for the report to say why.</summary>
    public bool WaitedLess { get; private set; }

    private bool Learns { get; init; } = true;

    /// <summary>
    /// The patience of a check run alongside others: it waits as this one would now, and how promptly things came
    /// is learned here at once; a stall only once it is known that the check's failure stands (<see cref="Adopt"/>),
    /// as a check that failed beside other failures is run again on its own, and that run's stall is the one learned.
    /// </summary>
    public Patience Alongside()
    {
        var wait = Next();
        return new(wait, wait) { Learns = false, _learnsFor = this };
    }

    /// <summary>
    /// The check run with <paramref name="alongside"/> counts as one run in turn (its failure stands): its stall, if it
    /// stalled, is learned as if it had been this patience's.
    /// </summary>
    public void Adopt(Patience alongside, string name)
    {
        bool stalled;
        lock (alongside._lock)
        {
            stalled = alongside._stalledInThisCheck;
        }
        if (stalled)
        {
            Stalled();
        }
        Ended(name);
    }

    /// <summary>The wait in the check (or run) about to start.</summary>
    public TimeSpan Next()
    {
        lock (_lock)
        {
            if (FirstStall is null)
            {
                return full;
            }
            var learned = _slowest * 4;
            var wait = learned < shortest ? shortest : learned > full ? full : learned;
            WaitedLess |= wait < full;
            return wait;
        }
    }

    /// <summary>What was due came after <paramref name="waited"/>.</summary>
    public void Came(TimeSpan waited)
    {
        lock (_lock)
        {
            if (waited > _slowest)
            {
                _slowest = waited;
            }
        }
        _learnsFor?.Came(waited);
    }

    /// <summary>Nothing came within the whole wait.</summary>
    public void Stalled()
    {
        lock (_lock)
        {
            _stalledInThisCheck = true;
        }
    }

    /// <summary>Ends a check (or run): if the program stalled in it, and never before, later ones wait less.</summary>
    /// <param name="name">Its name, for the report's note.</param>
    public void Ended(string name)
    {
        lock (_lock)
        {
            if (Learns && _stalledInThisCheck && FirstStall is null)
            {
                FirstStall = name;
            }
            _stalledInThisCheck = false;
        }
    }
}
