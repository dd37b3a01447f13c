using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Checks;

public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>Not run, because an earlier failure made it meaningless (the server could not be reached).</summary>
    Skipped,

    /// <summary>
    /// Not judged, for a reason that is not the program's fault: the grader could not start it (no image, no
    /// shell), or the grader itself broke. A teacher should look; it is never counted against the student.
    /// </summary>
    Error,
}

/// <summary>The outcome of one check.</summary>
/// <param name="Message">Why it failed or was skipped; null when it passed.</param>
public sealed record CheckResult(CheckInfo Info, CheckStatus Status, TimeSpan Duration, string? Message = null)
{
    /// <summary>What the grader sent and received during the check, in order.</summary>
    public IReadOnlyList<WireEvent> Transcript { get; init; } = [];

    /// <summary>
    /// Whether the check failed because the program could not be reached (any more): a server that died closed its
    /// connections, which a diagnosis must not read as how it serves.
    /// </summary>
    public bool Unreachable { get; init; }

    /// <summary>The client's run that the check judged; null for a server's check.</summary>
    public ClientSession? Session { get; init; }

    /// <summary>The known mistake that the failure shows, when one of the exercise's diagnosers recognised it; it replaces the hint.</summary>
    public Diagnosis? Diagnosis { get; init; }

    /// <summary>
    /// The hint the failure itself called for (<see cref="CheckFailedException.Hint"/>), or else the one for the
    /// language of the program graded, set on a failure that no diagnosis explains.
    /// </summary>
    public string? Hint { get; init; }

    /// <summary>The hint a report shows: the one for the program's language, or the check's own.</summary>
    public string ShownHint => Hint ?? Info.Hint;

    /// <summary>What the check is worth.</summary>
    public int Points { get; init; }

    /// <summary>The points the check earned: all of them if it passed, none otherwise.</summary>
    public int Earned => Status == CheckStatus.Passed ? Points : 0;
}
