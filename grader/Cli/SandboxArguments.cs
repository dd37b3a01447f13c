using System.CommandLine;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>--sandbox docker</c>, <c>--image</c> and <c>--submission</c>: run a started server in a container instead of
/// on this machine.
/// </summary>
internal sealed partial class SandboxArguments
{
    public const string Docker = "docker";

    public Option<string?> Sandbox { get; } = new Option<string?>("--sandbox")
    {
        Description = Strings.HelpSandbox,
    }.AcceptOnlyFromAmong(Docker);

    public Option<string?> Image { get; } = new("--image")
    {
        Description = Strings.FormatHelpImage(SandboxOptions.DotnetImage),
        HelpName = "image",
    };

    /// <summary>For commands that grade many programs (grade, grade-all): the image for the Python ones.</summary>
    public Option<string> PythonImage { get; } = new("--python-image")
    {
        Description = Strings.HelpPythonImage,
        DefaultValueFactory = _ => SandboxOptions.PythonImage,
        HelpName = "image",
    };

    public Option<string> Submission { get; } = new("--submission")
    {
        Description = Strings.FormatHelpSubmission(SandboxOptions.SubmissionPath),
        DefaultValueFactory = _ => ".",
        HelpName = "folder",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Sandbox);
        command.Options.Add(Image);
        command.Options.Add(Submission);
    }

    /// <summary>
    /// The grader's services as the command line asks: the program it starts in the sandbox, if one was asked
    /// for, then <paramref name="configure"/>'s changes. Reading the options waits until the services are built,
    /// where a usage error is reported as such.
    /// </summary>
    /// <param name="program">The command that starts the program under test (--start or --client); null when none does.</param>
    public Action<IServiceCollection> Configure(ParseResult parsed, string? program, Action<IServiceCollection>? configure) => services =>
    {
        if (Options(parsed, program) is { } sandbox)
        {
            services.AddSandbox(sandbox);
        }
        configure?.Invoke(services);
    };

    /// <summary>The sandbox asked for, or null to run programs on this machine.</summary>
    /// <exception cref="ExerciseException">The sandbox cannot be used as asked.</exception>
    public SandboxOptions? Options(ParseResult parsed, string? program)
    {
        if (parsed.GetValue(Sandbox) is not Docker)
        {
            return null;
        }
        if (program is null)
        {
            throw new ExerciseException(Strings.SandboxNeedsStart, ExitCodes.Usage);
        }
        if (DotnetRun().Match(program) is { Success: true } run)
        {
            // The images hold the .NET runtime, not the SDK: a program is built here and its build run there.
            string project = run.Groups["project"].Success ? run.Groups["project"].Value : ".";
            string name = project.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)
                ? Path.GetFileNameWithoutExtension(project)
                : Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(project)));
            string output = Path.Combine(Path.GetTempPath(), name + "-build");
            throw new ExerciseException(Strings.FormatSandboxNoDotnetRun(project, output, name), ExitCodes.Usage);
        }
        string folder = parsed.GetRequiredValue(Submission);
        if (!Directory.Exists(folder))
        {
            throw new ExerciseException(Strings.FormatSandboxNoFolder(folder), ExitCodes.Usage);
        }
        return new SandboxOptions(parsed.GetValue(Image) ?? SandboxOptions.DotnetImage, folder);
    }

    // "dotnet run", with or without --project P (quoted or not) and whatever else.
    [GeneratedRegex(@"\bdotnet\s+run\b(?:.*?--project[ =](?<q>[""']?)(?<project>[^""'\s]+)\k<q>)?")]
    private static partial Regex DotnetRun();
}
