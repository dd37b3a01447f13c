using System.Text;

namespace SocketExercises.Grader.Checks.AuthServer;

/// <summary>The server under test with what the grader knows of it: the password it expects and its login timeout.</summary>
/// <param name="Started">The server's process, when the grader started it; null when it was already running.</param>
public sealed record AuthServerTarget(ServerTarget Server, string Password, TimeSpan LoginTimeout, IStartedServer? Started)
{
    public const string PasswordVariable = "SOCKET_PASSWORD";
    public const string LoginTimeoutVariable = "SOCKET_LOGIN_TIMEOUT";

    /// <summary>The settings a started server is given: its password and its login timeout.</summary>
    public static IReadOnlyList<Running.ProgramSetting> Settings(string password, TimeSpan loginTimeout) =>
    [
        new("password", PasswordVariable, password),
        new("login-timeout", LoginTimeoutVariable, loginTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    /// <summary>A first line as the client sends it: <paramref name="text"/> and \n, in UTF-8.</summary>
    public static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    /// <summary>The login that must succeed.</summary>
    public byte[] RightLogin => Line("AUTH " + Password);
}
