namespace SocketExercises.Grader.CodeReview;

/// <summary>What the kit's security analyzer found in a program's code.</summary>
/// <param name="Rule">Its rule: <c>SE0001</c> …, explained in <c>docs/analyzer/</c>.</param>
/// <param name="File">The file, relative to the program's project folder.</param>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Message">What is wrong and how to do it right, in the report's language.</param>
public sealed record CodeFinding(string Rule, string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Rule} {Message}";
}

/// <summary>
/// What the analyzer made of a program's code: its findings, or why it could not read it (no code to read, or the
/// grader's own trouble).
/// </summary>
public sealed record CodeReviewResult(IReadOnlyList<CodeFinding> Findings, string? NotReviewed = null, bool GraderTrouble = false)
{
    public bool Reviewed => NotReviewed is null;

    public static CodeReviewResult Unavailable(string why) => new([], why);

    public static CodeReviewResult Failed(string why) => new([], why, GraderTrouble: true);
}
