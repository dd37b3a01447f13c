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
        string text = Text;
        var environment = new Dictionary<string, string>();
        foreach (var setting in settings ?? [])
        {
            text = text.Replace($"{{{setting.Placeholder}}}", setting.Value, StringComparison.Ordinal);
            environment[setting.Variable] = setting.Value;
        }

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

    public override string ToString() => Text;
}
