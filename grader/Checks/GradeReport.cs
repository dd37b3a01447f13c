using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Checks;

/// <summary>Everything one grading run found, ready for any report format.</summary>
/// <param name="Exercise">What was graded: the exercise's key, as <c>check</c> calls it.</param>
/// <param name="Target">Where: the server's address, or the client's command.</param>
/// <param name="Seed">The seed the payloads were made from; <c>--seed</c> replays it.</param>
/// <param name="Notes">Facts beyond single checks, such as a server process that exited while it was graded.</param>
public sealed record GradeReport(
    string Exercise,
    string Target,
    int Seed,
    IReadOnlyList<CheckResult> Results,
    TimeSpan Duration,
    IReadOnlyList<string> Notes)
{
    public int Passed => Count(CheckStatus.Passed);

    public int Failed => Count(CheckStatus.Failed);

    public int Skipped => Count(CheckStatus.Skipped);

    /// <summary>The checks the grader could not judge, for its own trouble.</summary>
    public int Errors => Count(CheckStatus.Error);

    /// <summary>True when checks passed and none failed or could not be judged; a check that did not apply (it needs <c>--start</c>) changes nothing.</summary>
    public bool Succeeded => Passed > 0 && Failed == 0 && Errors == 0;

    /// <summary>The points earned: those of the checks that passed.</summary>
    public int Score => Results.Sum(r => r.Earned);

    /// <summary>The points all checks are worth together.</summary>
    public int MaxScore => Results.Sum(r => r.Points);

    /// <summary>The closing line: <c>N passed, N failed</c>, then <c>, N skipped</c> and the checks not graded, when there were any.</summary>
    public string Summary => Errors > 0
        ? Strings.FormatSummaryWithErrors(Passed, Failed, Skipped, Errors)
        : Skipped > 0
            ? Strings.FormatSummaryWithSkipped(Passed, Failed, Skipped)
            : Strings.FormatSummary(Passed, Failed);

    private int Count(CheckStatus status) => Results.Count(r => r.Status == status);
}
