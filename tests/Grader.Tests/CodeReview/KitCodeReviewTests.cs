using SocketExercises.Grader.Checks;
using SocketExercises.Grader.CodeReview;
using SocketExercises.Grader.Exercises;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.CodeReview;

/// <summary>The review of the kit's own programs, and of a copy of the password solution with the mistake exercise 02 teaches.</summary>
public sealed class KitCodeReviewTests
{
    private const string ConstantTimeCheck = "auth.compares-in-constant-time";

    public static TheoryData<string> Programs { get; } = [.. KitExercises.All.SelectMany(e => (string[])[$"solutions/{e.Project}", $"exercises/{e.Project}"])];

    [Theory]
    [MemberData(nameof(Programs))]
    public async Task The_reference_solutions_and_the_starters_give_the_analyzer_nothing_to_say(string project)
    {
        var review = await new CodeReviewer().ReviewAsync(Path.Combine(KitPrograms.RepositoryRoot, project), TestContext.Current.CancellationToken);

        Assert.True(review.Reviewed, review.NotReviewed);
        Assert.Empty(review.Findings);
    }

    [Fact]
    public async Task Flags_the_password_compared_with_equals_in_a_copy_of_the_auth_solution()
    {
        using var copy = AuthSolutionComparingWithEquals();

        var review = await new CodeReviewer().ReviewAsync(copy.Path, TestContext.Current.CancellationToken);

        var finding = Assert.Single(review.Findings);
        Assert.Equal("SE0001", finding.Rule);
        Assert.EndsWith("Program.cs", finding.File, StringComparison.Ordinal);
        Assert.Equal(copy.Line, finding.Line);
        Assert.Contains("FixedTimeEquals", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_server_that_compares_with_equals_works_on_the_wire_and_loses_the_point_of_its_code_check()
    {
        using var copy = AuthSolutionComparingWithEquals();
        // The reference server runs; the code the grading reads is the copy's. Only the code check can tell them apart.
        var report = await Grade.ProgramAsync(Kit.AuthServer, KitPrograms.SolutionAuthServer, source: copy.Path, cancellationToken: TestContext.Current.CancellationToken);

        var check = Assert.Single(report.Results, r => r.Info.Id == ConstantTimeCheck);
        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Contains($"Program.cs:{copy.Line}: SE0001 'text[\"AUTH \".Length..] == password' compares a secret with ==", check.Message, StringComparison.Ordinal);
        Assert.All(report.Results.Where(r => r.Info.Id != ConstantTimeCheck), r => Assert.Equal(CheckStatus.Passed, r.Status));
        Assert.Equal(report.MaxScore - check.Points, report.Score);
    }

    // The reference password server with the comparison a student writes first, in a folder of its own.
    private static SolutionCopy AuthSolutionComparingWithEquals()
    {
        string source = Path.Combine(KitPrograms.RepositoryRoot, "solutions", "02-auth", "AuthServer");
        var copy = new SolutionCopy(Directory.CreateTempSubdirectory("auth-equals-").FullName);
        File.Copy(Path.Combine(source, "AuthServer.csproj"), Path.Combine(copy.Path, "AuthServer.csproj"));
        var lines = File.ReadAllLines(Path.Combine(source, "Program.cs")).ToList();
        int at = lines.FindIndex(l => l.Contains("CryptographicOperations.FixedTimeEquals(given, expected)", StringComparison.Ordinal));
        Assert.True(at >= 0, "The reference solution no longer compares with FixedTimeEquals(given, expected): update this test.");
        lines[at] = """        return text["AUTH ".Length..] == password ? null : "wrong password";""";
        File.WriteAllLines(Path.Combine(copy.Path, "Program.cs"), lines);
        copy.Line = at + 1;
        return copy;
    }

    private sealed class SolutionCopy(string path) : IDisposable
    {
        public string Path => path;

        public int Line { get; set; }

        public void Dispose() => Directory.Delete(path, recursive: true);
    }
}
