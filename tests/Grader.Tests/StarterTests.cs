using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>Every exercise's starter, as a student first clones it: graded, it fails once and points at its first TODO.</summary>
public sealed class StarterTests
{
    public static TheoryData<string> Exercises { get; } = [.. KitExercises.All.Select(e => e.Key)];

    [Fact]
    public void The_starters_are_the_ones_recorded_as_the_kit_s()
    {
        var changed = Starters.Changed();
        if (changed.Count > 0 && Environment.GetEnvironmentVariable(Starters.RequiredVariable) != "1")
        {
            Assert.Skip(Starters.NotPristine()!);
        }
        Assert.True(changed.Count == 0,
            $"These starters differ from their record in {Starters.RecordPath}. If you changed them on purpose, record them there:\n{Starters.RecordLines(changed)}");
    }

    [StarterTheory]
    [MemberData(nameof(Exercises))]
    public async Task The_unfinished_program_fails_its_first_check_and_the_report_points_at_its_first_TODO(string key)
    {
        // Given the starter, its TODOs not done
        var exercise = KitExercises.Named(key);

        // When it is graded
        var report = await Grade.ProgramAsync(exercise, KitPrograms.Starter(exercise), Grade.Options() with { TotalTimeLimit = TimeSpan.FromSeconds(60) }, cancellationToken: TestContext.Current.CancellationToken);

        // Then it fails once, at the first check, saying why (the TODO's exit code and message), and nothing else is run
        var failed = Assert.Single(report.Results, r => r.Status == CheckStatus.Failed);
        Assert.Equal(exercise.Checks[0].Info.Id, failed.Info.Id);
        Assert.Contains("exited with code 3", failed.Message);
        Assert.Contains("TODO 1 is not done yet", failed.Message);
        Assert.Equal(exercise.Checks.Count - 1, report.Skipped);
    }
}
