using System.Security.Cryptography;
using System.Text;
using SocketExercises.Grader.Exercises;

namespace SocketExercises.Testing;

/// <summary>
/// Whether exercises/ still holds the starters as the kit ships them. The kit's tests that need an unfinished
/// starter ask first: in a student's copy, where the work is done, they are skipped with the reason instead of
/// failing. Each starter's fingerprint is recorded in <c>tests/Testing/starters.sha256</c>; where
/// <see cref="RequiredVariable"/> is 1 (the kit's own CI), those tests always run, and a starter that differs
/// from its record fails a test that gives the line to record, so a changed starter is never skipped unnoticed.
/// </summary>
public static class Starters
{
    public const string RequiredVariable = "SOCKET_EXERCISES_PRISTINE_STARTERS";

    /// <summary>Where each starter's fingerprint is recorded.</summary>
    public static string RecordPath { get; } = Path.Combine(KitPrograms.RepositoryRoot, "tests", "Testing", "starters.sha256");

    /// <summary>
    /// Why the starters can't be used as unfinished ones here; null when they are the kit's own.
    /// </summary>
    public static string? NotPristine()
    {
        var changed = Changed();
        return changed.Count == 0
            ? null
            : $"exercises/ holds work on {string.Join(", ", changed)}, not the kit's unfinished starters, which this test of "
                + "the kit needs: skipped. Your own work is graded by tests/Submission.Tests.";
    }

    /// <summary>The starters (their projects, such as 01-echo/EchoServer) that differ from their record.</summary>
    public static IReadOnlyList<string> Changed()
    {
        var recorded = Recorded();
        return [.. KitExercises.All
            .Select(e => e.Project)
            .Where(p => recorded.GetValueOrDefault(p) != Fingerprint(p))];
    }

    /// <summary>The lines that record <paramref name="projects"/> as they are now, for <see cref="RecordPath"/>.</summary>
    public static string RecordLines(IEnumerable<string> projects) => string.Join("\n", projects.Select(p => $"{Fingerprint(p)}  {p}"));

    /// <summary>
    /// SHA-256 of a starter's source (its .cs and .csproj files, bin/ and obj/ aside, so an IDE's files change
    /// nothing): their paths and their text, with the line endings git stores.
    /// </summary>
    public static string Fingerprint(string project)
    {
        string folder = Path.Combine(KitPrograms.RepositoryRoot, "exercises", project);
        if (!Directory.Exists(folder))
        {
            return "missing";
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (string file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            sha.AppendData(Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(folder, file)).ReplaceLineEndings("\n") + "\0"));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static Dictionary<string, string> Recorded() =>
        File.ReadLines(RecordPath)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split("  ", 2))
            .ToDictionary(p => p[1].Trim(), p => p[0]);
}
