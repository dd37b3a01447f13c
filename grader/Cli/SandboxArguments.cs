using System.CommandLine;
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
internal sealed class SandboxArguments
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
    /// <param name="starts">Whether the command starts the program under test (--start or --client).</param>
    public Action<IServiceCollection> Configure(ParseResult parsed, bool starts, Action<IServiceCollection>? configure) => services =>
    {
        if (Options(parsed, starts) is { } sandbox)
        {
            services.AddSandbox(sandbox);
        }
        configure?.Invoke(services);
    };

    /// <summary>The sandbox asked for, or null to run programs on this machine.</summary>
    /// <exception cref="ExerciseException">The sandbox cannot be used as asked.</exception>
    public SandboxOptions? Options(ParseResult parsed, bool starts)
    {
        if (parsed.GetValue(Sandbox) is not Docker)
        {
            return null;
        }
        if (!starts)
        {
            throw new ExerciseException(Strings.SandboxNeedsStart, ExitCodes.Usage);
        }
        string folder = parsed.GetRequiredValue(Submission);
        if (!Directory.Exists(folder))
        {
            throw new ExerciseException(Strings.FormatSandboxNoFolder(folder), ExitCodes.Usage);
        }
        return new SandboxOptions(parsed.GetValue(Image) ?? SandboxOptions.DotnetImage, folder);
    }
}
