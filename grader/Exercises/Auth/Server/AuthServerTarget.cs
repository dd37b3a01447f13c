using System.Globalization;
using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>The server under test with what the grader knows of it: the password it expects and its login timeout.</summary>
/// <param name="Started">The server's process, when the grader started it; null when it was already running.</param>
public sealed record AuthServerTarget(ServerTarget Server, string Password, TimeSpan LoginTimeout, IStartedServer? Started) : IPasswordServer
{
    /// <summary>It sends nothing before the client's line.</summary>
    public string? Greeting => null;

    /// <summary>The settings a started server is given: its password and its login timeout.</summary>
    public static IReadOnlyList<ProgramSetting> Settings(string password, TimeSpan loginTimeout) =>
    [
        PasswordSetting(password),
        new("login-timeout", Common.Settings.LoginTimeoutVariable, loginTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>A password as a program is handed it: <c>{password}</c> and the variable the exercise programs read.</summary>
    public static ProgramSetting PasswordSetting(string password) => new("password", Common.Settings.PasswordVariable, password) { Secret = true };

    /// <summary>A first line as the client sends it: <paramref name="text"/> and \n, in UTF-8.</summary>
    public static byte[] Line(string text) => Encoding.UTF8.GetBytes(text + "\n");

    /// <summary>The login that must succeed.</summary>
    public byte[] RightLogin => Line("AUTH " + Password);

    public Task LogInAsync(WireConnection connection, CheckContext context) =>
        AuthExchange.LogInAsync(connection, this, context.Cancellation);
}
