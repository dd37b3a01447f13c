using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The student's own program of an exercise, when the grader runs inside the kit: <c>exercises/&lt;project&gt;</c>
/// in the current folder or a folder above it. What <c>check</c> grades when it is given no program.
/// </summary>
internal static class KitProject
{
    /// <summary>The kit this command runs in: the nearest folder, from here up, with an <c>exercises/</c> folder; null outside the kit.</summary>
    public static string? Root()
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            if (Directory.Exists(Path.Combine(folder.FullName, "exercises")))
            {
                return folder.FullName;
            }
        }
        return null;
    }

    /// <summary>The command that builds and runs the student's program of <paramref name="project"/> (<c>01-echo/EchoServer</c>); null outside the kit.</summary>
    /// <param name="arguments">What follows <c>--</c>, for the program itself.</param>
    public static (string Folder, string Command)? Find(string project, string arguments = "")
    {
        for (var folder = new DirectoryInfo(Environment.CurrentDirectory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "exercises", project);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.csproj").Any())
            {
                string shown = Path.GetRelativePath(Environment.CurrentDirectory, candidate).Replace('\\', '/');
                string command = $"dotnet run --project {(shown.Contains(' ') ? ShellCommand.Quote(shown) : shown)}";
                return (shown, arguments.Length == 0 ? command : $"{command} -- {arguments}");
            }
        }
        return null;
    }
}
