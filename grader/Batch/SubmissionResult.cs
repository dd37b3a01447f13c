using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Batch;

/// <summary>What grading one student's submission found: a report per program, and what kept any from being graded.</summary>
/// <param name="Student">The submission's folder name.</param>
/// <param name="Reports">The programs that were graded.</param>
/// <param name="Problems">Why a program was not graded: it did not build, or grading it broke down.</param>
public sealed record SubmissionResult(string Student, IReadOnlyList<GradeReport> Reports, IReadOnlyList<string> Problems)
{
    public int Score => Reports.Sum(r => r.Score);

    /// <summary>The points every program of the kit is worth, graded or not.</summary>
    public int MaxScore { get; init; }

    /// <summary>The result of the check <paramref name="id"/>, if its program was graded.</summary>
    public CheckResult? Check(string id) => Reports.SelectMany(r => r.Results).FirstOrDefault(r => r.Info.Id == id);
}
