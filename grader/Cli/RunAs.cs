using SocketExercises.Common;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary><c>--run-as USER</c>: the programs run as another user, which only a grader running as root can do.</summary>
internal static partial class RunAs
{
    /// <returns><paramref name="user"/>, once it is known that the programs can be run as that user.</returns>
    /// <exception cref="ExerciseException">They cannot: not root, no such user, or not on Linux.</exception>
    public static string Checked(string user)
    {
        if (!OperatingSystem.IsLinux() || !Environment.IsPrivilegedProcess)
        {
            throw new ExerciseException(Strings.FormatRunAsNeedsRoot(user), ExitCodes.Usage);
        }
        bool known = UserName().IsMatch(user) && File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
        return known ? user : throw new ExerciseException(Strings.FormatRunAsNoSuchUser(user), ExitCodes.Usage);
    }

    // A name as useradd makes them, and nothing the shell would read as more than a word.
    [System.Text.RegularExpressions.GeneratedRegex("^[a-z_][a-z0-9_-]{0,31}$")]
    private static partial System.Text.RegularExpressions.Regex UserName();
}
