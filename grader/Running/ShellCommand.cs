using System.Diagnostics;
using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>
/// A command line as the user typed it (<c>"python3 server.py"</c>, <c>"dotnet run --project ..."</c>), run
/// through the system shell, with <c>{host}</c> and <c>{port}</c> replaced and SOCKET_HOST/SOCKET_PORT set,
/// so a program can take its address whichever way it prefers.
/// </summary>
public sealed record ShellCommand(string Text)
{
    /// <param name="endpoint">The address to hand the program; null to run the command exactly as written.</param>
    public ProcessStartInfo ToStartInfo(IPEndPoint? endpoint)
    {
        string text = Text;
        string? host = endpoint?.Address.ToString();
        string? port = endpoint?.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (endpoint is not null)
        {
            text = text.Replace("{host}", host, StringComparison.Ordinal).Replace("{port}", port, StringComparison.Ordinal);
        }

        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe") { ArgumentList = { "/d", "/s", "/c", text } }
            : new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", text } };
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        if (endpoint is not null)
        {
            start.Environment["SOCKET_HOST"] = host;
            start.Environment["SOCKET_PORT"] = port;
        }
        return start;
    }

    public override string ToString() => Text;
}
