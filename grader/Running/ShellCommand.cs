using System.Diagnostics;

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
        start.UseShellExecute = false;
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>The command's text with each setting's <c>{placeholder}</c> replaced by its value.</summary>
    public string WithSettings(IEnumerable<ProgramSetting> settings) =>
        settings.Aggregate(Text, (text, setting) => text.Replace($"{{{setting.Placeholder}}}", setting.Value, StringComparison.Ordinal));

    public override string ToString() => Text;
}
