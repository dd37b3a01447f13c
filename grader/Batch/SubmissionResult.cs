using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Batch;

/// <summary>What grading one student's submission found: a report per program, and what kept any from being graded.</summary>
/// <param name="Student">The submission's folder name.</param>
/// <param name="Reports">The programs that were graded.</param>
/// <param name="Problems">The programs that were not graded, and why: one did not build, or grading it broke down.</param>
public sealed record SubmissionResult(string Student, IReadOnlyList<GradeReport> Reports, IReadOnlyList<ProgramProblem> Problems)
{
    /// <summary>The problems, and for each program the grader could not judge in full, why: a teacher should look at those.</summary>
    public IReadOnlyList<string> AllProblems =>
    [
        .. Problems.Select(p => p.Message),
        .. Reports.Where(r => r.Errors > 0).Select(r => Texts.Strings.FormatBatchProgramNotGraded(
            r.Exercise, Grader.Reports.FailureDetails.FirstLine(r.Results.First(c => c.Status == CheckStatus.Error).Message))),
    ];

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
