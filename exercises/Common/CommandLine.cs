using System.CommandLine;
using SocketExercises.Common.Texts;

namespace SocketExercises.Common;

/// <summary>Runs a parsed command line the way every program of the kit does.</summary>
public static class CommandLine
{
    /// <summary>
    /// Parses <paramref name="args"/>; on a usage error prints each problem and a pointer to --help and
    /// returns <see cref="ExitCodes.Usage"/>, otherwise invokes the command's action and returns its exit code.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand command, string[] args)
    {
        var parsed = command.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            string program = AppDomain.CurrentDomain.FriendlyName;
            foreach (var error in parsed.Errors)
            {
                await Console.Error.WriteLineAsync($"{program}: {error.Message}");
            }
            await Console.Error.WriteLineAsync(CommonTexts.SeeHelp);
            return ExitCodes.Usage;
        }
        // Stop signals are handled by ShutdownSignals, which the actions use, not by the parser's own handler.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }
}
