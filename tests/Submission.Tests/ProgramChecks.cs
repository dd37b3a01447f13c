using System.Reflection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Reports;
using SocketExercises.Testing;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketExercises.Submission.Tests;

/// <summary>
/// One of your programs in exercises/, a test per check of its exercise, named as the grader names the check.
/// Each program is graded once, over a real socket, when its first test runs (the programs side by side, as
/// test classes run in parallel); each test then reads its own check's verdict from that grading.
/// </summary>
public abstract class ProgramChecks
{
    private static readonly Dictionary<string, Lazy<Task<GradeReport>>> Reports =
        KitExercises.All.ToDictionary(e => e.Key, e => new Lazy<Task<GradeReport>>(() => GradeAsync(e)));

    private string Exercise => GetType().GetCustomAttribute<ProgramAttribute>()!.Exercise;

    [Theory]
    [ChecksOfTheProgram]
    public async Task Check(string check)
    {
        var report = await Reports[Exercise].Value;
        var result = report.Results.Single(r => r.Info.Id == check);
        // The wire, as the check saw it: a test explorer shows it beside the verdict.
        foreach (string line in FailureDetails.Transcript(result, whole: true))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(line);
        }
        switch (result.Status)
        {
            case CheckStatus.Failed:
                Assert.Fail(string.Join('\n', FailureDetails.Explanation(result)));
                break;
            case CheckStatus.Skipped:
                Assert.Skip($"{result.Message} Fix the check that failed first.");
                break;
            case CheckStatus.Error:
                throw new GraderTroubleException(string.Join('\n', FailureDetails.Explanation(result)));
        }
    }

    private static Task<GradeReport> GradeAsync(Exercise exercise) =>
        Grade.ProgramAsync(exercise, KitPrograms.Submission(exercise.Project));
}

/// <summary>Which program a <see cref="ProgramChecks"/> class grades: the exercise's key, such as <c>echo-server</c>.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ProgramAttribute(string exercise) : Attribute
{
    public string Exercise => exercise;
}

/// <summary>
/// The checks of the test class's program, by id, each shown as "echo server: &lt;its title&gt; (check: "&lt;id&gt;")"
/// and marked with the traits <c>exercise=01-echo</c> (its folder) and <c>program=echo-server</c>, which
/// <c>--filter-trait</c> selects.
/// </summary>
public sealed class ChecksOfTheProgramAttribute : DataAttribute
{

    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        var exercise = KitExercises.Named(testMethod.ReflectedType!.GetCustomAttribute<ProgramAttribute>()!.Exercise);
        string program = exercise.Key.Replace('-', ' ');
        IReadOnlyCollection<ITheoryDataRow> rows = [.. exercise.Checks.Select(check =>
            new TheoryDataRow<string>(check.Info.Id)
            {
                TestDisplayName = $"{program}: {check.Info.Title} ", // the id follows, in brackets
                Traits = new() { ["exercise"] = [Path.GetDirectoryName(exercise.Project)!], ["program"] = [exercise.Key] },
            })];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}

/// <summary>The grader could not judge a check: not your program's fault, and so an error rather than a failed check.</summary>
public sealed class GraderTroubleException(string message) : Exception(message);
