using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Batch;

/// <summary>What grading one student's submission found: a report per program, and what kept any from being graded.</summary>
/// <param name="Student">The submission's folder name.</param>
/// <param name="Reports">The programs that were graded.</param>
/// <param name="Problems">The programs that were not graded, and why: one did not build, or grading it broke down.</param>
public sealed record SubmissionResult(string Student, IReadOnlyList<GradeReport> Reports, IReadOnlyList<ProgramProblem> Problems)
{
    /// <summary>
    /// The problems; for each program the grader could not judge in full, why; and each program that earned
    /// nothing, with its first failure (a starter left as it was, most often): a teacher should look at those.
    /// </summary>
    public IReadOnlyList<string> AllProblems =>
    [
        .. Problems.Select(p => p.Message),
        .. Reports.Where(r => r.Errors > 0).Select(r => Texts.Strings.FormatBatchProgramNotGraded(
            r.Exercise, Grader.Reports.FailureDetails.FirstLine(r.Results.First(c => c.Status == CheckStatus.Error).Message))),
        .. Reports.Where(r => r.Errors == 0 && r.Score == 0 && r.Failed > 0).Select(r => Texts.Strings.FormatBatchProgramEarnedNothing(
            r.Exercise, Grader.Reports.FailureDetails.FirstLine(r.Results.First(c => c.Status == CheckStatus.Failed).Message))),
    ];

    /// <summary>
    /// The result without what each check saw (its transcript, a client's output): what the class's table reads,
    /// once the student's own report, which shows them, is written.
    /// </summary>
    public SubmissionResult WithoutEvidence() => this with
    {
        Reports = [.. Reports.Select(r => r with { Results = [.. r.Results.Select(c => c with { Transcript = [], Session = null })] })],
    };

    /// <summary>The commit that was graded, when the submission is a git repository graded as of a date (<c>--before</c>).</summary>
    public string? Commit { get; init; }

    /// <summary>The points each check is worth, graded or not.</summary>
    public Scoring.PointsTable Points { get; init; } = Scoring.PointsTable.Of([]);

    /// <summary>The checks of each program, by the program's key: what a program that did not build could have earned.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ChecksOf { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    public int PointsOf(string checkId) => Points.Ids.Contains(checkId) ? Points.For(checkId) : 0;

    public int MaxScoreOf(string exercise) => ChecksOf.TryGetValue(exercise, out var ids) ? ids.Sum(PointsOf) : 0;

    public int Score => Reports.Sum(r => r.Score);

    /// <summary>The points every program of the kit is worth, graded or not.</summary>
    public int MaxScore { get; init; }

    /// <summary>The result of the check <paramref name="id"/>, if its program was graded.</summary>
    public CheckResult? Check(string id) => Reports.SelectMany(r => r.Results).FirstOrDefault(r => r.Info.Id == id);
}

/// <summary>Why the program of one exercise was not graded.</summary>
/// <param name="Exercise">The exercise's key, such as <c>echo-server</c>.</param>
/// <param name="Message">The reason, in one line: the build's first error, a missing folder, what broke down.</param>
public sealed record ProgramProblem(string Exercise, string Message);
