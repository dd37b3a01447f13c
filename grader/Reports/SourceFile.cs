using System.Text.RegularExpressions;

namespace SocketExercises.Grader.Reports;

/// <summary>
/// The student's file that annotations point at, found from the command that runs the program:
/// <c>dotnet run --project exercises/NN-name/Program</c> means its Program.cs, <c>python3 server.py</c> server.py.
/// </summary>
public static partial class SourceFile
{
    /// <summary>The file, relative to the current folder with forward slashes, or null when the command names none that exists.</summary>
    public static string? Guess(string? command)
    {
        if (string.IsNullOrWhiteSpace(command))
        {
            return null;
        }
        if (ProjectFolder(command) is { } folder)
        {
            return Existing(Path.Combine(folder, "Program.cs"));
        }
        return Script().Matches(command).Select(m => Existing(m.Groups["path"].Value)).FirstOrDefault(f => f is not null);
    }

    /// <summary>The folder of the program the command runs (its project's, or its script's), or null when it names none that exists.</summary>
    public static string? FolderOf(string? command) =>
        (command is null ? null : ProjectFolder(command)) is { } project && Directory.Exists(project) ? Path.GetFullPath(project)
            : Guess(command) is { } file ? Path.GetDirectoryName(Path.GetFullPath(file))
            : null;

    // The folder a "dotnet run --project" names.
    private static string? ProjectFolder(string command)
    {
        if (Project().Match(command) is not { Success: true } project)
        {
            return null;
        }
        string folder = project.Groups["path"].Value;
        return folder.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(folder) ?? "." : folder;
    }

    private static string? Existing(string path) =>
        File.Exists(path) ? Path.GetRelativePath(Environment.CurrentDirectory, Path.GetFullPath(path)).Replace('\\', '/') : null;

    [GeneratedRegex(@"--project[ =](?<q>[""']?)(?<path>[^""'\s]+)\k<q>")]
    private static partial Regex Project();

    [GeneratedRegex(@"(?<=^|\s)(?<q>[""']?)(?<path>[^""'\s]+\.(py|js|rb|go|java|c|cpp|rs))\k<q>(?=\s|$)")]
    private static partial Regex Script();
}
