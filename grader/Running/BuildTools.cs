namespace SocketExercises.Grader.Running;

/// <summary>
/// Tells a program's build from the program: a <c>dotnet run</c> compiles before it starts the server, and that
/// time is the toolchain's, not the student's program's. A process is a build tool by its command line: the
/// .NET SDK's verbs that build (and MSBuild, the compiler), and the common compilers and build drivers of other
/// languages. A program whose build tools have all started what they built (or ended) is running its own code.
/// </summary>
public static class BuildTools
{
    // The dotnet verbs that build before (or instead of) running: "dotnet run" is a build tool until it has
    // started the program it built, which is then its child.
    private static readonly HashSet<string> DotnetVerbs = ["run", "build", "watch", "msbuild", "restore", "publish", "test"];

    // Drivers that build and then run what they built as a child ("go run", "cargo run").
    private static readonly HashSet<string> RunningDrivers = ["go", "cargo"];
    private static readonly HashSet<string> RunningDriverVerbs = ["run", "build"];

    private static readonly HashSet<string> Compilers =
        ["javac", "gcc", "g++", "cc", "c++", "clang", "clang++", "cc1", "cc1plus", "as", "ld", "collect2", "rustc", "make", "mvn", "gradle", "csc"];

    /// <summary>Whether the process with these arguments (its <c>/proc/&lt;pid&gt;/cmdline</c>, split) builds rather than runs the program.</summary>
    public static bool Is(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            return false;
        }
        string name = Path.GetFileName(arguments[0]);
        if (name == "dotnet")
        {
            // MSBuild's worker nodes and the compiler run as "dotnet …/MSBuild.dll" and "dotnet …/csc.dll".
            return FirstCommand(arguments) is { } first && (DotnetVerbs.Contains(first) || IsSdkTool(first));
        }
        if (RunningDrivers.Contains(name))
        {
            return arguments.Count > 1 && RunningDriverVerbs.Contains(arguments[1]);
        }
        return Compilers.Contains(name) || arguments[0].Contains("/Roslyn/", StringComparison.Ordinal);
    }

    // The dotnet host's options that take a value, which comes before the verb or the assembly it runs.
    private static readonly HashSet<string> HostOptionsWithValue =
        ["--roll-forward", "--fx-version", "--additionalprobingpath", "--additional-deps", "--depsfile", "--runtimeconfig"];

    // What the dotnet host is asked to run: its first argument that is no host option nor such an option's value.
    private static string? FirstCommand(IReadOnlyList<string> arguments)
    {
        for (int i = 1; i < arguments.Count; i++)
        {
            if (HostOptionsWithValue.Contains(arguments[i]))
            {
                i++;
            }
            else if (!arguments[i].StartsWith('-'))
            {
                return arguments[i];
            }
        }
        return null;
    }

    private static bool IsSdkTool(string assembly) =>
        Path.GetFileName(assembly) is "MSBuild.dll" or "csc.dll" or "VBCSCompiler.dll";
}
