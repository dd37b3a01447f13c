using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketExercises.Grader.Building;

/// <summary>
/// A C# program of the kit compiled in the grader's own process, as the kit's build compiles it: the project's
/// files with the SDK's implicit usings, nullable on, the newest language version, against the SDK's reference
/// pack, <c>System.CommandLine</c> and the kit's Common. Shared by the code review, which analyses the
/// compilation, and the in-process build, which emits it; the references are loaded once for both.
/// </summary>
public static class KitCompilation
{
    /// <summary>The usings the SDK adds to a console project with ImplicitUsings, as the kit's projects have.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<string?> ReferencePack = new(FindReferencePack);
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);
    private static readonly Lazy<ImmutableArray<ISourceGenerator>> Generators = new(LoadGenerators);

    /// <summary>The symbols a Debug build for this .NET defines, for a program's <c>#if</c>.</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, preprocessorSymbols: DefinedSymbols());

    /// <summary>The program's files (the path each is known by, and its text) as one compilation named <paramref name="name"/>.</summary>
    public static CSharpCompilation Create(string name, IReadOnlyList<(string Path, string Text)> files, CancellationToken cancellationToken)
    {
        var trees = files.Append((Path: "ImplicitUsings.cs", Text: ImplicitUsings))
            .Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path, System.Text.Encoding.UTF8, cancellationToken))
            .ToList();
        return CSharpCompilation.Create(
            name, trees, References.Value,
            new CSharpCompilationOptions(
                OutputKind.ConsoleApplication,
                nullableContextOptions: NullableContextOptions.Enable,
                optimizationLevel: OptimizationLevel.Debug,
                deterministic: true));
    }

    /// <summary>
    /// <paramref name="compilation"/> with what the SDK's source generators add (a <c>[GeneratedRegex]</c>, a JSON
    /// context, a <c>[LibraryImport]</c>), as a build runs them; their errors among <paramref name="diagnostics"/>.
    /// </summary>
    public static Compilation WithGeneratedSources(CSharpCompilation compilation, out ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        CSharpGeneratorDriver.Create(Generators.Value, parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var generated, out diagnostics, cancellationToken);
        return generated;
    }

    // Where the SDK installed alongside this runtime keeps the reference pack of this runtime's version; null
    // where there is no SDK (the runtime's own libraries serve then, and no source generator runs).
    private static string? FindReferencePack()
    {
        string runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        string packs = Path.GetFullPath(Path.Combine(runtime, "..", "..", "..", "packs", "Microsoft.NETCore.App.Ref"));
        return Directory.Exists(packs)
            ? Directory.EnumerateDirectories(packs, $"{Environment.Version.Major}.*").Order(StringComparer.Ordinal)
                .LastOrDefault(v => Directory.Exists(Path.Combine(v, "ref", $"net{Environment.Version.Major}.0")))
            : null;
    }

    // The reference assemblies a build compiles against: a fifth of the memory the runtime's own libraries take.
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string assemblies = ReferencePack.Value is { } pack
            ? Path.Combine(pack, "ref", $"net{Environment.Version.Major}.0")
            : Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return
        [
            // All of them: System.Net.Sockets' SocketException derives from a type in Microsoft.Win32.Primitives.
            .. Directory.EnumerateFiles(assemblies, "*.dll")
                .Append(typeof(System.CommandLine.RootCommand).Assembly.Location)
                .Append(typeof(SocketExercises.Common.ExerciseHost).Assembly.Location)
                .Select(f => MetadataReference.CreateFromFile(f)),
        ];
    }

    // The source generators the SDK hands the compiler for a C# project of this .NET (in the reference pack).
    private static ImmutableArray<ISourceGenerator> LoadGenerators()
    {
        string? folder = ReferencePack.Value is { } pack ? Path.Combine(pack, "analyzers", "dotnet", "cs") : null;
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }
        var loader = new DefaultContextLoader();
        return
        [
            .. Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal)
                .SelectMany(f => new AnalyzerFileReference(f, loader).GetGenerators(LanguageNames.CSharp)),
        ];
    }

    // DEBUG, TRACE and the framework's symbols, as the SDK defines them for a Debug build of net<N>.0.
    private static IEnumerable<string> DefinedSymbols()
    {
        int major = Environment.Version.Major;
        return ((string[])["DEBUG", "TRACE", "NET", $"NET{major}_0", "NETCOREAPP"])
            .Concat(Enumerable.Range(5, major - 4).Select(v => $"NET{v}_0_OR_GREATER"))
            .Concat(["NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
                "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER"]);
    }

    // Loads the generators into the grader's own context, where the compiler they were built against already is.
    private sealed class DefaultContextLoader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => AssemblyLoadContext.Default.LoadFromAssemblyPath(fullPath);
    }
}
