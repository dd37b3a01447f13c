using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Running;
using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary><c>grade-all --before</c>: a submission's git history decides what is graded, and work pushed late is not.</summary>
public sealed class SubmissionSnapshotTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 1, 23, 59, 0, TimeSpan.FromHours(1));

    [Fact]
    public async Task A_commit_after_the_deadline_is_not_graded()
    {
        // Given a repository with a commit before the deadline and one after it
        using var folder = new ClassFolder();
        string repository = Path.Combine(folder.Path, "dora");
        Directory.CreateDirectory(repository);
        string early = await CommitAsync(repository, "on time", "2026-12-01T20:00:00+01:00");
        await CommitAsync(repository, "late", "2026-12-02T09:00:00+01:00");

        // When it is taken as of the deadline
        var (graded, commit, problem) = await SubmissionSnapshot.AsOfAsync(repository, Deadline, Path.Combine(folder.Path, "work", "dora"), CancellationToken.None);

        // Then the files are those of the commit before it, and the commit is named
        Assert.Null(problem);
        Assert.Equal("on time", await File.ReadAllTextAsync(Path.Combine(graded!, "Program.cs"), TestContext.Current.CancellationToken));
        Assert.Equal(early, commit);
        Assert.Equal("dora", Path.GetFileName(graded));
    }

    [Fact]
    public async Task A_repository_with_no_commit_before_the_deadline_has_nothing_to_grade()
    {
        using var folder = new ClassFolder();
        string repository = Path.Combine(folder.Path, "emil");
        Directory.CreateDirectory(repository);
        await CommitAsync(repository, "late", "2026-12-03T09:00:00+01:00");

        var (graded, _, problem) = await SubmissionSnapshot.AsOfAsync(repository, Deadline, Path.Combine(folder.Path, "work", "emil"), CancellationToken.None);

        Assert.Null(graded);
        Assert.Equal("no commit before 2026-12-01T23:59:00+01:00: nothing to grade", Reports.GradedReports.InLanguage("en", () => problem));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_repository_is_graded_as_it_is_and_says_so()
    {
        using var folder = new ClassFolder();

        var (graded, commit, problem) = await SubmissionSnapshot.AsOfAsync(folder.Path, Deadline, Path.Combine(folder.Path, "work"), CancellationToken.None);

        Assert.Equal(folder.Path, graded);
        Assert.Null(commit);
        Assert.NotNull(problem);
    }

    // Commits Program.cs with this text, dated; returns the commit's short id as grade-all names it.
    private static async Task<string> CommitAsync(string repository, string text, string date)
    {
        await File.WriteAllTextAsync(Path.Combine(repository, "Program.cs"), text);
        var run = await Executed.RunAsync(new ShellCommand(
            $"cd \"{repository}\" && (git rev-parse --git-dir >/dev/null 2>&1 || git init -q) && git add -A && "
            + $"GIT_COMMITTER_DATE='{date}' git -c user.name=dora -c user.email=dora@example.com commit -qm '{text}' && git rev-parse --short=12 HEAD"));
        Assert.True(run.ExitCode == 0, run.Errors);
        return run.Output.Trim();
    }
}
