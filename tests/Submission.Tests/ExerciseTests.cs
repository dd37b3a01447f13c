using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Submission.Tests;

/// <summary>
/// Your programs in exercises/, one test per check of every exercise, named after the check. Each program is
/// graded once, over a real socket: all of them side by side, when the first test runs.
/// </summary>
public sealed class ExerciseTests
{
    private static readonly Lazy<Dictionary<string, Task<GradeReport>>> Reports =
        new(() => KitExercises.All.ToDictionary(e => e.Key, GradeAsync));

    /// <summary>Every check of every exercise, in the order the grader runs them.</summary>
    public static TheoryData<string, string> Checks { get; } = AllChecks();

    private static TheoryData<string, string> AllChecks()
    {
        var checks = new TheoryData<string, string>();
        foreach (var exercise in KitExercises.All)
        {
            foreach (var check in exercise.Checks)
            {
                checks.Add(exercise.Key, check.Info.Id);
            }
        }
        return checks;
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task Passes(string exercise, string check)
    {
        var report = await Reports.Value[exercise];
        var result = report.Results.Single(r => r.Info.Id == check);
        switch (result.Status)
        {
            case CheckStatus.Failed:
                Assert.Fail($"{result.Info.Title}: failed.\n{result.Message}\nRequirement: docs/protocol.md {result.Info.Requirement}\nHint: {result.Info.Hint}");
                break;
            case CheckStatus.Skipped:
                Assert.Fail($"{result.Info.Title}: {result.Message} Fix the failing check first.");
                break;
        }
    }

    private static Task<GradeReport> GradeAsync(Exercise exercise) =>
        Grade.ProgramAsync(exercise, KitPrograms.Submission(exercise.Project));
}
