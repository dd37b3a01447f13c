using System.CommandLine;
using SocketExercises.Common;
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
        Description = string.Format(Strings.HelpImage, SandboxOptions.DotnetImage),
        HelpName = "image",
    };

    public Option<string> Submission { get; } = new("--submission")
    {
        Description = string.Format(Strings.HelpSubmission, SandboxOptions.SubmissionPath),
        DefaultValueFactory = _ => ".",
        HelpName = "folder",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Sandbox);
        command.Options.Add(Image);
        command.Options.Add(Submission);
    }

    /// <summary>The sandbox asked for, or null to run servers on this machine.</summary>
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
            throw new ExerciseException(string.Format(Strings.SandboxNoFolder, folder), ExitCodes.Usage);
        }
        return new SandboxOptions(parsed.GetValue(Image) ?? SandboxOptions.DotnetImage, folder);
    }
}
