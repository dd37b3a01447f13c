using System.Globalization;
using System.Net;
using SocketExercises.Common;

namespace SocketExercises.Grader.Running;

/// <summary>
/// One value the grader hands a program it runs, both ways a program may take it: as <c>{Placeholder}</c> in
/// the command and as an environment variable.
/// </summary>
public sealed record ProgramSetting(string Placeholder, string Variable, string Value)
{
    /// <summary>Put in the command quoted for the shell, for a value that may hold spaces and quotes (a message).</summary>
    public bool ShellQuoted { get; init; }

    /// <summary>A value the program must not print (a password): all its output is searched for it.</summary>
    public bool Secret { get; init; }

    /// <summary>The values of <paramref name="settings"/> that are secret.</summary>
    public static IEnumerable<string> SecretsOf(IEnumerable<ProgramSetting> settings) => settings.Where(s => s.Secret).Select(s => s.Value);

    /// <summary>The address to listen on or connect to: <c>{host}</c>/SOCKET_HOST and <c>{port}</c>/SOCKET_PORT.</summary>
    public static IReadOnlyList<ProgramSetting> For(IPEndPoint endpoint) =>
    [
        new("host", Settings.HostVariable, endpoint.Address.ToString()),
        new("port", Settings.PortVariable, endpoint.Port.ToString(CultureInfo.InvariantCulture)),
    ];
}
