using SocketExercises.Common;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// How the commands that build and grade submissions (grade, grade-all) run: Ctrl+C or SIGTERM interrupts them
/// (exit 130), a usage problem is said in one line with its exit code, and the folder the builds go to is
/// removed however they end.
/// </summary>
internal static class BatchRun
{
    /// <param name="body">The command's work, given a scratch folder for the builds (not yet made) and the token that interrupts it.</param>
    public static async Task<int> RunAsync(Func<string, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        string work = Path.Combine(Path.GetTempPath(), "socket-grader-" + Guid.NewGuid().ToString("N"));
        try
        {
            return await body(work, cancellationToken);
        }
        catch (ExerciseException e)
        {
            await Console.Error.WriteLineAsync(Strings.FormatCouldNotGrade(e.Message));
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(Strings.GradingInterrupted);
            return GraderCommandLine.Interrupted;
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
