namespace SocketExercises.Common;

/// <summary>
/// What the exercise programs are given, defined once for them and for the grader: each setting's environment
/// variable and, where the course has one, its default. A program also takes each as an option (<c>--host</c>,
/// <c>--port</c>, …); the grader hands each over as the variable and as <c>{host}</c>, <c>{port}</c>, … in a command.
/// </summary>
public static class Settings
{
    public const string HostVariable = "SOCKET_HOST";
    public const string DefaultHost = "127.0.0.1";

    public const string PortVariable = "SOCKET_PORT";
    public const int DefaultPort = 65432;

    /// <summary>No default: a password is configuration, never part of the code.</summary>
    public const string PasswordVariable = "SOCKET_PASSWORD";

    public const string LoginTimeoutVariable = "SOCKET_LOGIN_TIMEOUT";
    public static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromSeconds(5);

    public const string MessageVariable = "SOCKET_MESSAGE";

    /// <summary>What a client sends when it is given no message.</summary>
    public const string DefaultMessage = "Hello, world";

    /// <summary>No default: a chat client joins with the name it is told.</summary>
    public const string NickVariable = "SOCKET_NICK";
}
