using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;

namespace SocketExercises.Grader.Building;

/// <summary>
/// Builds a program of the kit in the grader's own process: its C# files compiled (<see cref="KitCompilation"/>)
/// into an assembly that <c>dotnet</c> runs, beside the kit's Common and <c>System.CommandLine</c> as the grader
/// itself has them. A fifth of a second for a program once the compiler is warm, where <c>dotnet build</c> takes
/// seconds of processor time for each: what makes grading a class take minutes. Only for a program that builds as
/// the kit does (<see cref="KitBuild"/>); its errors read as the compiler's in a build.
/// </summary>
public static class ProgramCompiler
{
    /// <summary>Compiles the program in <paramref name="project"/> into <paramref name="output"/> as <paramref name="name"/>.dll.</summary>
    /// <returns>Null when it compiled; else its first error, as a build prints it (<c>/…/Program.cs(3,17): error CS1002: ; expected</c>).</returns>
    public static string? Compile(string project, string name, string output, CancellationToken cancellationToken)
    {
        var files = SourcesOf(project);
        var compilation = KitCompilation.Create(name, [.. files, (Path: "TargetFramework.cs", Text: TargetFramework)], cancellationToken);
        var generated = KitCompilation.WithGeneratedSources(compilation, out var generatorDiagnostics, cancellationToken);

        Directory.CreateDirectory(output);
        using var assembly = new MemoryStream();
        using var symbols = new MemoryStream();
        var emitted = generated.Emit(
            assembly, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb, pdbFilePath: name + ".pdb"),
            cancellationToken: cancellationToken);
        if (!emitted.Success || generatorDiagnostics.Any(IsError))
        {
            // The first error as the compiler in a build reports it: those of parsing first, then of declarations,
            // then of method bodies, each in the order of the files and of their lines.
            var error = FirstError(generated.GetParseDiagnostics(cancellationToken))
                ?? FirstError(generated.GetDeclarationDiagnostics(cancellationToken))
                ?? FirstError(generated.GetMethodBodyDiagnostics(cancellationToken))
                ?? FirstError(generatorDiagnostics)
                ?? FirstError(emitted.Diagnostics);
            return error?.ToString() ?? $"error: {name} could not be compiled";
        }

        File.WriteAllBytes(Path.Combine(output, name + ".dll"), assembly.ToArray());
        File.WriteAllBytes(Path.Combine(output, name + ".pdb"), symbols.ToArray());
        File.WriteAllText(Path.Combine(output, name + ".runtimeconfig.json"), RuntimeConfig());
        CopyLibraries(output);
        return null;
    }

    private static bool IsError(Diagnostic diagnostic) => diagnostic.Severity == DiagnosticSeverity.Error;

    private static Diagnostic? FirstError(IEnumerable<Diagnostic> diagnostics) => diagnostics.FirstOrDefault(IsError);

    private static readonly string TargetFramework =
        $"[assembly: System.Runtime.Versioning.TargetFramework(\".NETCoreApp,Version=v{Environment.Version.Major}.0\", FrameworkDisplayName = \".NET {Environment.Version.Major}.0\")]";

    // The program's C# files, as a build takes them, named by their full paths, as the compiler's messages name them.
    private static List<(string Path, string Text)> SourcesOf(string project) =>
        [.. KitBuild.BuildFiles(project, "*.cs").Order(StringComparer.Ordinal).Select(f => (Path.GetFullPath(f), File.ReadAllText(f)))];

    // What the SDK writes for the kit's projects: this .NET's runtime, and the kit's globalization settings
    // (invariant, with cultures by name for the Croatian texts).
    private static string RuntimeConfig() => new JsonObject
    {
        ["runtimeOptions"] = new JsonObject
        {
            ["tfm"] = $"net{Environment.Version.Major}.0",
            ["framework"] = new JsonObject { ["name"] = "Microsoft.NETCore.App", ["version"] = $"{Environment.Version.Major}.0.0" },
            ["configProperties"] = new JsonObject
            {
                ["System.Globalization.Invariant"] = true,
                ["System.Globalization.PredefinedCulturesOnly"] = false,
                ["System.Runtime.Serialization.EnableUnsafeBinaryFormatterSerialization"] = false,
            },
        },
    }.ToJsonString(new() { WriteIndented = true });

    // The kit's Common and System.CommandLine, with their translations, from beside the grader: the same build
    // of the same sources (KitBuild makes sure the submission's Common is the kit's).
    private static void CopyLibraries(string output)
    {
        string from = AppContext.BaseDirectory;
        foreach (string library in (string[])["Exercises.Common", "System.CommandLine"])
        {
            foreach (string file in Directory.EnumerateFiles(from, library + ".*").Where(f => Path.GetExtension(f) is ".dll" or ".pdb"))
            {
                File.Copy(file, Path.Combine(output, Path.GetFileName(file)), overwrite: true);
            }
            foreach (string translation in Directory.EnumerateFiles(from, library + ".resources.dll", SearchOption.AllDirectories))
            {
                string culture = Path.Combine(output, Path.GetRelativePath(from, Path.GetDirectoryName(translation)!));
                Directory.CreateDirectory(culture);
                File.Copy(translation, Path.Combine(culture, Path.GetFileName(translation)), overwrite: true);
            }
        }
    }
}
