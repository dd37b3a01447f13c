using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.CodeReview;

/// <summary>
/// A check of what the wire can't show: it reads the program's code with the kit's security analyzer and passes
/// when nothing of its rule is found (exercise 02's constant-time comparison, SE0001; a Python program is read for
/// it too). A program whose code the grading does not have (a server given by <c>--port</c>) is not judged by it:
/// the check does not apply, as <c>--start</c>-only checks don't to a running server.
/// </summary>
/// <param name="Info">What the check is.</param>
/// <param name="Rule">The analyzer's rule it holds the code to: <c>SE0001</c>.</param>
/// <param name="Needs">
/// The check on the wire that shows the code it judges does its work (a login that works): until that passes, code
/// with nothing wrong in it may simply not be written yet (a starter), and earns nothing.
/// </param>
public sealed record CodeCheck(CheckInfo Info, string Rule, string Needs) : ICheck
{
    /// <summary>How long the review may take; it runs once the checks on the wire are done.</summary>
    public TimeSpan TimeLimit => CodeReviews.TimeLimit;

    /// <summary>The check's verdict on <paramref name="review"/>, given the results of the checks on the wire.</summary>
    public CheckResult Judge(CodeReviewResult review, TimeSpan took, IReadOnlyList<CheckResult> wire)
    {
        if (!wire.Any(r => r.Info.Id == Needs && r.Status == CheckStatus.Passed))
        {
            return new CheckResult(Info, CheckStatus.Skipped, TimeSpan.Zero, Strings.FormatSkippedCodeNeeds(Needs));
        }
        if (!review.Reviewed)
        {
            return new CheckResult(Info, review.GraderTrouble ? CheckStatus.Error : CheckStatus.Skipped, took,
                review.GraderTrouble ? review.NotReviewed : Strings.FormatSkippedNotApplicable(review.NotReviewed));
        }
        var found = review.Findings.Where(f => f.Rule == Rule).ToList();
        return found.Count == 0
            ? new CheckResult(Info, CheckStatus.Passed, took)
            : new CheckResult(Info, CheckStatus.Failed, took, Strings.FormatCodeCheckFound(Rule, string.Join("\n", found)));
    }
}
