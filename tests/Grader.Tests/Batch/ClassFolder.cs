using SocketExercises.Testing;

namespace SocketExercises.Grader.Tests.Batch;

/// <summary>
/// A teacher's folder of submissions, made from this repository: each student's folder holds the kit's
/// layout (the root's build files and exercises/), with the programs the test chooses.
/// </summary>
public sealed class ClassFolder : IDisposable
{
    private static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig"];

    public string Path { get; } = Directory.CreateTempSubdirectory("socket-class-").FullName;

    /// <summary>
    /// Adds a student whose programs are the starters (<paramref name="programs"/> "exercises"), or the starters
    /// with the code of <paramref name="programs"/> (the solutions) in them, as a student who finished has them.
    /// </summary>
    /// <returns>The student's exercises folder, for the test to change.</returns>
    public string AddStudent(string name, string programs)
    {
        string student = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(student);
        foreach (var file in RootFiles)
        {
            File.Copy(Root(file), System.IO.Path.Combine(student, file));
        }
        string exercises = System.IO.Path.Combine(student, "exercises");
        File.Copy(Root("exercises/Directory.Build.props"), Directory.CreateDirectory(exercises).FullName + "/Directory.Build.props");
        CopySources(Root("exercises/Common"), System.IO.Path.Combine(exercises, "Common"));
        foreach (var exercise in Directory.EnumerateDirectories(Root("exercises")).Where(d => System.IO.Path.GetFileName(d) != "Common"))
        {
            CopySources(exercise, System.IO.Path.Combine(exercises, System.IO.Path.GetFileName(exercise)));
        }
        if (programs != "exercises")
        {
            foreach (var exercise in Directory.EnumerateDirectories(Root(programs)))
            {
                CopySources(exercise, System.IO.Path.Combine(exercises, System.IO.Path.GetFileName(exercise)), "*.cs");
            }
        }
        return exercises;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    private static string Root(string relative) => System.IO.Path.Combine(KitPrograms.RepositoryRoot, relative);

    // Sources only: a submission arrives without build output.
    private static void CopySources(string from, string to, string pattern = "*")
    {
        foreach (var file in Directory.EnumerateFiles(from, pattern, SearchOption.AllDirectories))
        {
            string relative = System.IO.Path.GetRelativePath(from, file);
            if (relative.Split(System.IO.Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }
            string target = System.IO.Path.Combine(to, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
