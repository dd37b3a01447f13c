using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises;

/// <summary>
/// The checks <c>--only</c> asks for: ids, or groups with a trailing <c>*</c> (<c>echo.utf8-*</c>). The exercise's
/// first check, which finds out whether the program can be reached at all, always runs too, and the report says so.
/// </summary>
public sealed class CheckSelection
{
    private readonly IReadOnlyList<string> _patterns;

    private CheckSelection(IReadOnlyList<string> patterns) => _patterns = patterns;

    /// <summary>The selection of <paramref name="patterns"/> among <paramref name="exercise"/>'s checks.</summary>
    /// <exception cref="ExerciseException">A pattern names no check of the exercise: a usage error that lists its checks.</exception>
    public static CheckSelection Of(IReadOnlyList<string> patterns, Exercise exercise)
    {
        var ids = exercise.Checks.Select(c => c.Info.Id).ToList();
        if (patterns.FirstOrDefault(p => !ids.Any(id => Matches(p, id))) is { } unknown)
        {
            throw new ExerciseException(Strings.FormatOnlyUnknown(unknown, exercise.Key, string.Join("\n  ", ids)), ExitCodes.Usage);
        }
        return new CheckSelection(patterns);
    }

    /// <summary>The checks to run, in their order, and the note that says which ran only because the others need them.</summary>
    public (IReadOnlyList<ICheck<TTarget>> Checks, string? Note) Apply<TTarget>(IReadOnlyList<ICheck<TTarget>> checks)
    {
        var chosen = checks.Where((c, i) => i == 0 || Selects(c.Info.Id)).ToList();
        string first = checks[0].Info.Id;
        return (chosen, Selects(first) ? null : Strings.FormatOnlyAlsoFirst(first));
    }

    /// <summary>Whether the check <paramref name="id"/> was asked for.</summary>
    public bool Selects(string id) => _patterns.Any(p => Matches(p, id));

    private static bool Matches(string pattern, string id) =>
        pattern.EndsWith('*') ? id.StartsWith(pattern[..^1], StringComparison.Ordinal) : id == pattern;
}
