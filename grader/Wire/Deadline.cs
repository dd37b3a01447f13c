namespace SocketExercises.Grader.Wire;

/// <summary>A token that fires after a delay on the injected clock, or when an outer token fires first.</summary>
internal sealed class Deadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    private Deadline(TimeSpan delay, TimeProvider time, CancellationToken outer)
    {
        // A budget already spent is a deadline already past, not an error.
        _timer = new CancellationTokenSource(delay > TimeSpan.Zero ? delay : TimeSpan.Zero, time);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(outer, _timer.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>True when this deadline's own delay ran out (not the outer token).</summary>
    public bool Expired => _timer.IsCancellationRequested;

    /// <summary>Fires the token now, for work that is no longer wanted.</summary>
    public void Cancel() => _linked.Cancel();

    public static Deadline After(TimeSpan delay, TimeProvider time, CancellationToken outer) => new(delay, time, outer);

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
