namespace SocketExercises.Grader.Running;

/// <summary>Lets a waiter learn that a program printed something, without polling its output.</summary>
internal sealed class OutputSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Pulse"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Something was printed: wakes whoever waits, and starts waiting for the next.</summary>
    public void Pulse() =>
        Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
