using System.Diagnostics;
using System.Globalization;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Batch;

/// <summary>
/// A submission as it was at a deadline (<c>grade-all --before</c>): for a git repository, the files of its last
/// commit before then, exported to a folder of the grader's, so that work pushed late is not graded.
/// </summary>
public static class SubmissionSnapshot
{
    private static readonly TimeSpan GitLimit = TimeSpan.FromMinutes(1);

    /// <param name="submission">The submission's folder.</param>
    /// <param name="before">The deadline.</param>
    /// <param name="work">Where to put the files of the commit; its last folder is named after the student.</param>
    /// <returns>
    /// The folder to grade and the commit it holds; the submission itself, with no commit, when it is not a git
    /// repository (and why, to be said); no folder when it has no commit before the deadline, and why.
    /// </returns>
    public static async Task<(string? Folder, string? Commit, string? Problem)> AsOfAsync(
        string submission, DateTimeOffset before, string work, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Path.Combine(submission, ".git")))
        {
            return (submission, null, Strings.FormatBatchNotGitRepository(Stamp(before)));
        }
        var (found, listed) = await GitAsync(submission, ["rev-list", "-1", $"--before={Stamp(before)}", "HEAD"], cancellationToken);
        string commit = listed.Trim();
        if (!found || commit.Length == 0)
        {
            return (null, null, Strings.FormatBatchNoCommitBefore(Stamp(before)));
        }
        Directory.CreateDirectory(work);
        string archive = Path.Combine(Path.GetDirectoryName(work)!, Path.GetFileName(work) + ".tar");
        var (archived, _) = await GitAsync(submission, ["archive", "--format=tar", "-o", archive, commit], cancellationToken);
        if (!archived)
        {
            return (null, null, Strings.FormatBatchNoCommitBefore(Stamp(before)));
        }
        await System.Formats.Tar.TarFile.ExtractToDirectoryAsync(archive, work, overwriteFiles: true, cancellationToken);
        File.Delete(archive);
        return (work, commit[..Math.Min(12, commit.Length)], null);
    }

    private static string Stamp(DateTimeOffset time) => time.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task<(bool Succeeded, string Output)> GitAsync(string folder, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])["-C", folder, "-c", "safe.directory=*", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        await using var git = RunningProcess.Start(start);
        bool finished = await git.WaitForExitAsync(GitLimit, cancellationToken);
        return (finished && git.ExitCode == 0, git.Output);
    }
}
