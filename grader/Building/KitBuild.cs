namespace SocketExercises.Grader.Building;

/// <summary>
/// The kit the grader was built from, as the measure of whether a submission builds as the kit does: where every
/// file that steers a build (the build properties, the package versions, the editor settings that set rules'
/// severities, the project file, exercises/Common) is the kit's own, a program's build is its C# files compiled
/// as <see cref="KitCompilation"/> compiles them, and the grader can do that itself. Anything else, and the
/// program is built by <c>dotnet build</c>, whatever its project file asks for.
/// </summary>
public sealed class KitBuild
{
    // Files that steer every build below the folder they are in.
    private static readonly string[] Steering =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", ".editorconfig", ".globalconfig"];

    // In a project's own folder, files that would take part in its build besides its C# files.
    private static readonly string[] ProjectExtras = ["*.props", "*.targets", "*.resx", "*.editorconfig", "*.globalconfig", "*.rsp", "Directory.Build.*"];

    private readonly string _root;

    private KitBuild(string root) => _root = root;

    /// <summary>The kit around the running grader (its build output sits in <c>grader/bin/</c>); null when it is not there.</summary>
    /// <param name="from">Where to look from, up; the grader's own folder when null.</param>
    public static KitBuild? Find(string? from = null)
    {
        for (var folder = new DirectoryInfo(from ?? AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "grader", "Grader.csproj"))
                && File.Exists(Path.Combine(folder.FullName, "exercises", "Common", "Exercises.Common.csproj")))
            {
                return new KitBuild(folder.FullName);
            }
        }
        return null;
    }

    /// <summary>Whether the submission's build around its programs (its top, exercises/, exercises/Common) is the kit's.</summary>
    public bool SameSurroundings(string submission) =>
        Steering.All(f => SameFile(submission, f))
        && Steering.All(f => SameFile(submission, Path.Combine("exercises", f)))
        && AbsentOrSame(submission, Path.Combine("analyzer", "Analyzer.props"))
        && SameTree(submission, Path.Combine("exercises", "Common"));

    /// <summary>
    /// Whether the program in <paramref name="project"/> (<c>exercises/01-echo/EchoServer</c>) builds as the kit's
    /// does: its project file and the files beside it that steer builds are the kit's, and it has no other kind of
    /// file that takes part in a build (resources, imported properties). Its surroundings are asked separately.
    /// </summary>
    public bool SameProject(string submission, string project)
    {
        string exercise = Path.GetDirectoryName(project)!;
        string file = Path.Combine(project, Path.GetFileName(project) + ".csproj");
        return File.Exists(Path.Combine(_root, file))
            && SameFile(submission, file)
            && Steering.All(f => SameFile(submission, Path.Combine(exercise, f)))
            && !ProjectExtras.Any(pattern => BuildFiles(Path.Combine(submission, project), pattern).Any())
            && Directory.GetFiles(Path.Combine(submission, project), "*.csproj").Length == 1;
    }

    // The same file in both, or in neither; text compared with its line ends made alike, as a checkout on Windows
    // changes them and the build does not care.
    private bool SameFile(string submission, string relative)
    {
        string ours = Path.Combine(_root, relative), theirs = Path.Combine(submission, relative);
        bool have = File.Exists(ours);
        return have == File.Exists(theirs) && (!have || Normalized(File.ReadAllBytes(ours)).SequenceEqual(Normalized(File.ReadAllBytes(theirs))));
    }

    // The kit's analyzer is imported where a submission has it, and a batch's build switches it off: a submission
    // of exercises/ alone has none.
    private bool AbsentOrSame(string submission, string relative) =>
        !File.Exists(Path.Combine(submission, relative)) || SameFile(submission, relative);

    private bool SameTree(string submission, string relative)
    {
        var ours = BuildFiles(Path.Combine(_root, relative), "*").Select(f => Path.GetRelativePath(_root, f)).Order(StringComparer.Ordinal).ToList();
        var theirs = BuildFiles(Path.Combine(submission, relative), "*").Select(f => Path.GetRelativePath(submission, f)).Order(StringComparer.Ordinal).ToList();
        return ours.SequenceEqual(theirs, StringComparer.Ordinal) && ours.All(f => SameFile(submission, f));
    }

    // The files of a folder that a build sees: not what a build wrote (bin/, obj/), nor hidden folders, which the
    // SDK leaves out of a project's items too.
    private static IEnumerable<string> BuildFiles(string folder, string pattern) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, Path.GetDirectoryName(f)!).Split(Path.DirectorySeparatorChar)
                    .Any(part => part is "bin" or "obj" || (part.StartsWith('.') && part != ".")));

    private static byte[] Normalized(byte[] bytes) => [.. bytes.Where((b, i) => !(b == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n'))];
}
