using System.Diagnostics;
using System.Text;

namespace SocketExercises.Grader.Running;

/// <summary>
/// A command line as the user typed it (<c>"python3 server.py"</c>, <c>"dotnet run --project ..."</c>), run
/// through the system shell, with each setting's <c>{placeholder}</c> replaced and its variable set
/// (SOCKET_HOST, SOCKET_PORT, SOCKET_PASSWORD …), so a program can take them whichever way it prefers.
/// </summary>
public sealed record ShellCommand(string Text)
{
    /// <param name="settings">What to hand the program; none to run the command exactly as written.</param>
    public ProcessStartInfo ToStartInfo(IEnumerable<ProgramSetting>? settings)
    {
        var all = (settings ?? []).ToList();
        string text = WithSettings(all);
        var environment = all.ToDictionary(s => s.Variable, s => s.Value);

        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/s", "/c", text } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", text } };
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // What a program prints is read as UTF-8 whatever this system's default, as the kit's programs write it.
        start.StandardOutputEncoding = Encoding.UTF8;
        start.StandardErrorEncoding = Encoding.UTF8;
        start.StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false); // what is typed to it, likewise
        start.UseShellExecute = false;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>
    /// The command's text with each setting's <c>{placeholder}</c> replaced by its value, quoted for the shell
    /// where the setting says so (a message with spaces and quotes stays one argument).
    /// </summary>
    public string WithSettings(IEnumerable<ProgramSetting> settings) =>
        settings.Aggregate(Text, (text, setting) => text.Replace(
            $"{{{setting.Placeholder}}}", setting.ShellQuoted ? Quote(setting.Value) : setting.Value, StringComparison.Ordinal));

    // POSIX sh: inside single quotes nothing is special, and a single quote is closed, escaped and reopened.
    // cmd.exe has no such quoting; double quotes are the closest it has.
    /// <summary><paramref name="value"/> as one argument of this system's shell.</summary>
    public static string Quote(string value) => OperatingSystem.IsWindows()
        ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\""
        : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    public override string ToString() => Text;
}
