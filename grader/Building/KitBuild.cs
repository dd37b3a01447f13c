namespace SocketExercises.Grader.Building;

/// <summary>
/// Whether a submission's program builds as the kit's does: every file that steers its build (the build properties,
/// the package versions, the editor settings that set rules' severities, its project file) is the kit's as shipped
/// (<see cref="KitFingerprints"/>), no other is there, and its exercises/Common is the one the grader itself was
/// built with. Then its build is its C# files compiled as <see cref="KitCompilation"/> compiles them, and the grader
/// can do that itself; anything else is built by <c>dotnet build</c>, whatever its project file asks for.
/// </summary>
public sealed class KitBuild
{
    // Files that steer every build below the folder they are in.
    private static readonly string[] Steering =
        ["Directory.Build.props", "Directory.Build.targets", "Directory.Build.rsp", "Directory.Packages.props", "global.json", ".editorconfig", ".globalconfig"];

    // In a project's own folder, files that would take part in its build besides its C# files (Directory.Build.*
    // among them, by their extensions).
    private static readonly HashSet<string> ProjectExtras = [".props", ".targets", ".resx", ".editorconfig", ".globalconfig", ".rsp"];

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
        Steering.SelectMany(f => (string[])[f, "exercises/" + f])
            .All(f => KitFingerprints.Surroundings.TryGetValue(f, out string? shipped) ? Is(submission, f, shipped) : !File.Exists(Path.Combine(submission, f)))
        && (!File.Exists(Path.Combine(submission, "analyzer", "Analyzer.props")) || Is(submission, "analyzer/Analyzer.props", KitFingerprints.AnalyzerProps))
        // Its Common is compiled against as the grader's own copy, built from the grader's kit: the same files, or not the kit's build.
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
        return File.Exists(Path.Combine(submission, file))
            && Is(submission, file, KitFingerprints.ProgramProject)
            && !Steering.Any(f => File.Exists(Path.Combine(submission, exercise, f)))
            && !BuildFiles(Path.Combine(submission, project), "*").Any(f => ProjectExtras.Contains(Path.GetExtension(f)))
            && Directory.GetFiles(Path.Combine(submission, project), "*.csproj").Length == 1;
    }

    private static bool Is(string submission, string relative, string shipped) =>
        File.Exists(Path.Combine(submission, relative)) && KitFingerprints.Of(Path.Combine(submission, relative)) == shipped;

    // The same file in both, its line ends made alike.
    private bool SameFile(string submission, string relative) =>
        KitFingerprints.Of(Path.Combine(_root, relative)) == KitFingerprints.Of(Path.Combine(submission, relative));

    private bool SameTree(string submission, string relative)
    {
        var ours = BuildFiles(Path.Combine(_root, relative), "*").Select(f => Path.GetRelativePath(_root, f)).Order(StringComparer.Ordinal).ToList();
        var theirs = BuildFiles(Path.Combine(submission, relative), "*").Select(f => Path.GetRelativePath(submission, f)).Order(StringComparer.Ordinal).ToList();
        return ours.SequenceEqual(theirs, StringComparer.Ordinal) && ours.All(f => SameFile(submission, f));
    }

    /// <summary>
    /// The files of a folder that a build sees: not what a build wrote (bin/, obj/), nor hidden folders, which the
    /// SDK leaves out of a project's items too.
    /// </summary>
    public static IEnumerable<string> BuildFiles(string folder, string pattern) =>
        !Directory.Exists(folder)
            ? []
            : Directory.EnumerateFiles(folder, pattern, SearchOption.AllDirectories)
                .Where(f => !Path.GetRelativePath(folder, Path.GetDirectoryName(f)!).Split(Path.DirectorySeparatorChar)
                    .Any(part => part is "bin" or "obj" || (part.StartsWith('.') && part != ".")));
}
