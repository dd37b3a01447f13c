using SocketExercises.Common;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Reports;

/// <summary>Writes a report to a file the user named, creating its folder, and says plainly when it cannot.</summary>
public static class ReportFile
{
    /// <exception cref="ExerciseException">The file cannot be written.</exception>
    public static async Task WriteAsync(string path, string content, CancellationToken cancellationToken, bool append = false)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }
            if (append)
            {
                await File.AppendAllTextAsync(path, content, cancellationToken);
            }
            else
            {
                await File.WriteAllTextAsync(path, content, cancellationToken);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ExerciseException(Strings.FormatReportUnwritable(path, e.Message), ExitCodes.Usage);
        }
    }
}
