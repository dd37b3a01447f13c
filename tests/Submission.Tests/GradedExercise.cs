using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;

namespace SocketExercises.Submission.Tests;

/// <summary>
/// Grades one of your programs once, the first time a test asks, and hands each test the result of its check.
/// </summary>
public abstract class GradedExercise
{
    private readonly Lazy<Task<GradeReport>> _report;

    protected GradedExercise(Func<Task<GradeReport>> grade) => _report = new(grade);

    /// <summary>Fails, with the grader's explanation and hint, unless the check passed.</summary>
    public async Task AssertPassedAsync(string check)
    {
        var report = await _report.Value;
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

    /// <summary>The ids of an exercise's checks, in the order the grader runs them, as test cases.</summary>
    protected static TheoryData<string> ChecksOf(string exercise)
    {
        using var provider = GraderServices.Build(new GradingOptions());
        return [.. provider.GetKeyedServices<ICheck>(exercise).Select(c => c.Info.Id)];
    }
}
