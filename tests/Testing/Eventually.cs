namespace SocketExercises.Testing;

/// <summary>Waits for a condition the system offers no event for (the table of listening ports), within a deadline.</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(50, deadline.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            if (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting for {what}.");
            }
        }
    }
}
