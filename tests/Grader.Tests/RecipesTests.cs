using System.Text.Json;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// The recipes that grade a student's copy outside this repository's code (the pull-request workflow, the
/// classroom's autograding file) name every exercise of the list, with its program and its points.
/// </summary>
public sealed class RecipesTests
{
    public static TheoryData<string> Exercises { get; } = [.. KitExercises.All.Select(e => e.Key)];

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_pull_request_workflow_builds_and_grades_every_exercise(string key)
    {
        var exercise = KitExercises.Named(key);
        string workflow = File.ReadAllText(Path.Combine(KitPrograms.RepositoryRoot, ".github", "workflows", "grade.yml"));

        Assert.Contains($"check {exercise.Key} ", workflow);
        Assert.Contains($"exercises/{exercise.Project}", workflow);
        Assert.Contains($"reports/{exercise.Key}.json", workflow);
    }

    [Theory]
    [MemberData(nameof(Exercises))]
    public void The_autograding_file_grades_every_exercise_for_its_points(string key)
    {
        var exercise = KitExercises.Named(key);
        using var recipe = JsonDocument.Parse(File.ReadAllText(Path.Combine(KitPrograms.RepositoryRoot, ".github", "classroom", "autograding.json")));

        var test = Assert.Single(recipe.RootElement.GetProperty("tests").EnumerateArray(),
            t => t.GetProperty("run").GetString()!.Contains($"check {exercise.Key} ", StringComparison.Ordinal));
        Assert.Contains($"exercises/{exercise.Project}", test.GetProperty("setup").GetString());
        Assert.Equal(exercise.Checks.Sum(c => Exercise.DefaultPointsOf(KitExercises.All).For(c.Info.Id)), test.GetProperty("points").GetInt32());
    }
}
