using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.CodeReview;

/// <summary>
/// A grading's review of the program's code: started with the grading, so that the compiler works while the checks
/// wait on the wire, and added to its report when both are done: the exercise's code checks as results, every
/// other finding as a note.
/// </summary>
public static class CodeReviews
{
    /// <summary>The longest a review may take; past it the code checks are not judged (the grader's trouble, not the program's).</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>Reviews <paramref name="program"/>'s code while <paramref name="grade"/> grades it, and adds what the review found to its report.</summary>
    public static async Task<GradeReport> GradeAsync(
        Func<Task<GradeReport>> grade, ProgramUnderTest program, IReadOnlyList<CodeCheck> checks, ExerciseArguments arguments,
        GradingOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeLimit);
        var review = Task.Run(async () =>
        {
            long started = time.GetTimestamp();
            var result = await new CodeReviewer().ReviewAsync(program.SourceFolder, limit.Token);
            return (Result: result, Took: time.GetElapsedTime(started));
        }, limit.Token);
        var report = await grade();
        CodeReviewResult reviewed;
        TimeSpan took;
        try
        {
            (reviewed, took) = await review;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            (reviewed, took) = (CodeReviewResult.Failed(Strings.FormatCodeReviewTimedOut(Durations.Format(TimeLimit))), TimeLimit);
        }
        var selected = checks.Where(c => arguments.Only?.Selects(c.Info.Id) ?? true).ToList();
        var results = selected.Select(c => c.Judge(reviewed, took, report.Results) with { Points = options.Points.For(c.Info.Id) }).ToList();
        var scored = selected.Select(c => c.Rule).ToHashSet(StringComparer.Ordinal);
        var others = reviewed.Findings.Where(f => !scored.Contains(f.Rule)).ToList();
        var notes = others.Count == 0 ? report.Notes : [.. report.Notes, Strings.FormatNoteCodeFindings(string.Join("\n", others))];
        if (reviewed.GraderTrouble && results.Count == 0)
        {
            notes = [.. notes, reviewed.NotReviewed!];
        }
        return report with { Results = [.. report.Results, .. results], Notes = notes };
    }
}
