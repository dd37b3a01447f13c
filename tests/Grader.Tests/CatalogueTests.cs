using System.Reflection;
using SocketExercises.Catalogue;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;
using Xunit.Sdk;
using Xunit.v3;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The grader's worth: every broken program in the catalogue (tests/Catalogue/, a folder per exercise) fails
/// exactly the checks it declares beside itself, the one meant for its mistake first; the correct ones, written
/// unusually, pass everything; and every check of every exercise fails some broken program.
/// </summary>
public sealed class CatalogueTests
{
    [Fact]
    public void Every_broken_program_names_real_checks_of_its_exercise_the_one_meant_for_it_first()
    {
        foreach (var program in CatalogueProgram.All.Where(p => !p.IsCorrect))
        {
            var ids = KitExercises.Named(program.Exercise).Checks.Select(c => c.Info.Id).ToList();
            Assert.All(program.MustFail, id => Assert.Contains(id, ids));
            Assert.All(program.MayFail, id => Assert.Contains(id, ids));
            Assert.Equal(program.MustFail.Count, program.MustFail.Distinct().Count());
        }
    }

    [Fact]
    public void Every_check_of_every_exercise_is_meant_to_fail_some_broken_program()
    {
        var caught = CatalogueProgram.All.SelectMany(p => p.MustFail).ToHashSet();

        var uncaught = KitExercises.All.SelectMany(e => e.Checks).Select(c => c.Info.Id).Where(id => !caught.Contains(id)).ToList();
        Assert.True(uncaught.Count == 0, $"No broken program in the catalogue is meant to fail: {string.Join(", ", uncaught)}");
    }

    [Fact]
    public void Every_exercise_has_broken_and_correct_programs_in_the_catalogue()
    {
        foreach (var exercise in KitExercises.All)
        {
            Assert.Contains(CatalogueProgram.All, p => p.Exercise == exercise.Key && p.IsCorrect);
            Assert.Contains(CatalogueProgram.All, p => p.Exercise == exercise.Key && !p.IsCorrect);
        }
    }
}

/// <summary>
/// The catalogue's programs of one exercise, graded: a class per exercise, so that the exercises' programs are
/// graded side by side (a test class runs its tests one after another), each test class naming its own.
/// </summary>
public abstract class CatalogueTheories
{
    [Theory]
    [CataloguePrograms(correct: false)]
    public async Task Catches_a_broken_program_with_the_checks_meant_for_it(string exercise, string program)
    {
        // Given a program from the catalogue with one mistake, and the checks it declares its mistake breaks
        var declared = Find(exercise, program);

        // When it is graded
        var report = await GradeAsync(declared);

        // Then exactly those checks fail (and perhaps those it may fail by the machine's timing), each saying why, and
        // none is skipped (but after the first check, for a program that cannot be reached at all, and the checks of
        // code, for one whose code is not reviewed)
        var failed = report.Ids(CheckStatus.Failed).Except(declared.MayFail.Except(declared.MustFail)).Order();
        Assert.True(
            declared.MustFail.Order().SequenceEqual(failed),
            $"Expected to fail: {string.Join(", ", declared.MustFail.Order())}{(declared.MayFail.Count > 0 ? $" (perhaps also {string.Join(", ", declared.MayFail)})" : "")}\n{report.Describe()}");
        if (declared.MustFail[0] != report.Results[0].Info.Id)
        {
            Assert.Equal([], report.Ids(CheckStatus.Skipped).Where(id => declared.Code is not null || !IsCodeCheck(declared, id)));
        }
        Assert.All(report.Results.Where(r => r.Status == CheckStatus.Failed), r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));

        // And every failure names the program's mistake, where the catalogue says which it is, and no mistake where it
        // does not: a diagnosis that points elsewhere is worse than the check's general hint
        var named = report.Results.Where(r => r.Status == CheckStatus.Failed).Select(r => $"{r.Info.Id}: {r.Diagnosis?.Id ?? "(none)"}").ToList();
        Assert.True(
            report.Results.Where(r => r.Status == CheckStatus.Failed).All(r => r.Diagnosis?.Id == declared.Diagnosis),
            $"Expected the mistake {declared.Diagnosis ?? "(none)"} on every failed check, got:\n{string.Join("\n", named)}\n{report.Describe()}");
    }

    [Theory]
    [CataloguePrograms(correct: true)]
    public async Task Passes_a_correct_program_however_it_is_written(string exercise, string program)
    {
        var report = await GradeAsync(Find(exercise, program));

        Assert.True(report.Succeeded, report.Describe());
    }

    private static CatalogueProgram Find(string exercise, string program) =>
        CatalogueProgram.All.Single(p => p.Exercise == exercise && p.Name == program);

    private static bool IsCodeCheck(CatalogueProgram program, string id) =>
        KitExercises.Named(program.Exercise).CodeChecks.Any(c => c.Info.Id == id);

    private static Task<GradeReport> GradeAsync(CatalogueProgram program) => Grade.ProgramAsync(
        KitExercises.Named(program.Exercise), KitPrograms.Catalogue(program.Exercise, program.Name), Grade.Options(),
        source: program.Code is null ? null : Path.Combine(KitPrograms.RepositoryRoot, "tests", "Catalogue", program.Code));
}

[CatalogueOf("echo")]
public sealed class EchoCatalogueTests : CatalogueTheories;

[CatalogueOf("auth")]
public sealed class AuthCatalogueTests : CatalogueTheories;

[CatalogueOf("chat")]
public sealed class ChatCatalogueTests : CatalogueTheories;

[CatalogueOf("challenge")]
public sealed class ChallengeCatalogueTests : CatalogueTheories;

/// <summary>Which exercise's programs a <see cref="CatalogueTheories"/> class grades: those whose keys start with it and a dash.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CatalogueOfAttribute(string exercise) : Attribute
{
    public string Exercise => exercise;
}

/// <summary>The catalogue's broken (or correct) programs of the exercise the test class is for, as (exercise, program).</summary>
public sealed class CatalogueProgramsAttribute(bool correct) : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker)
    {
        string exercise = testMethod.ReflectedType!.GetCustomAttribute<CatalogueOfAttribute>()!.Exercise + "-";
        IReadOnlyCollection<ITheoryDataRow> rows = [.. CatalogueProgram.All
            .Where(p => p.IsCorrect == correct && p.Exercise.StartsWith(exercise, StringComparison.Ordinal))
            .Select(p => new TheoryDataRow<string, string>(p.Exercise, p.Name))];
        return ValueTask.FromResult(rows);
    }

    public override bool SupportsDiscoveryEnumeration() => true;
}
