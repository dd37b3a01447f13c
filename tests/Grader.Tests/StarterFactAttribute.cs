using System.Runtime.CompilerServices;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests;

/// <summary>
/// A test of the kit that needs the unfinished starters in exercises/. In a student's copy, where the work is
/// done, it is skipped with the reason (<see cref="Starters.NotPristine"/>); in the kit's own CI
/// (<see cref="Starters.RequiredVariable"/>) it always runs, and <see cref="StarterTests"/> says which starter
/// changed.
/// </summary>
public sealed class StarterFactAttribute : FactAttribute
{
    // The caller's file and line let a test explorer go from the test to its source.
    public StarterFactAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Skip = StarterSkip.Reason;
}

/// <summary>A theory that needs the unfinished starters, skipped without them as <see cref="StarterFactAttribute"/> says.</summary>
public sealed class StarterTheoryAttribute : TheoryAttribute
{
    public StarterTheoryAttribute([CallerFilePath] string? sourceFilePath = null, [CallerLineNumber] int sourceLineNumber = -1)
        : base(sourceFilePath, sourceLineNumber) => Skip = StarterSkip.Reason;
}

/// <summary>For a test that needs the starters and whose attribute is another's (a Docker test).</summary>
public static class StarterSkip
{
    /// <summary>Skips the running test where <see cref="Reason"/> says so.</summary>
    public static void UnlessPristine() => Assert.SkipWhen(Reason is not null, Reason ?? "");

    /// <summary>Why the tests that need the starters are skipped here; null when they run. Found once, for every attribute.</summary>
    public static string? Reason { get; } =
        Environment.GetEnvironmentVariable(Starters.RequiredVariable) == "1" ? null : Starters.NotPristine();
}
