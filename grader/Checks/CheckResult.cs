namespace SocketExercises.Grader.Checks;

public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>Not run, because an earlier failure made it meaningless (the server could not be reached).</summary>
    Skipped,
}

/// <summary>The outcome of one check.</summary>
/// <param name="Message">Why it failed or was skipped; null when it passed.</param>
public sealed record CheckResult(CheckInfo Info, CheckStatus Status, TimeSpan Duration, string? Message = null);
