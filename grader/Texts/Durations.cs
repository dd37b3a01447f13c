namespace SocketExercises.Grader.Texts;

/// <summary>Durations as people read them: "250 ms" below a second, "2 s" or "2.3 s" above.</summary>
public static class Durations
{
    public static string Format(TimeSpan time) =>
        time < TimeSpan.FromSeconds(1) ? $"{time.TotalMilliseconds:0} ms" : $"{time.TotalSeconds:0.#} s";
}
