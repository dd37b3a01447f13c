using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net;
using System.Net.Sockets;
using SocketExercises.Common.Texts;

namespace SocketExercises.Common;

/// <summary>
/// The <c>--host</c> and <c>--port</c> options, with their environment variables and the course's defaults,
/// shared by the exercise programs and the grader so both read an address the same way.
/// </summary>
public sealed class EndpointOptions
{

    public Option<string> Host { get; } = new("--host")
    {
        Description = CommonTexts.FormatHostDescription(Settings.HostVariable),
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Settings.HostVariable) is { Length: > 0 } host ? host : Settings.DefaultHost,
    };

    public Option<int> Port { get; } = new("--port")
    {
        Description = CommonTexts.FormatPortDescription(Settings.PortVariable),
        DefaultValueFactory = PortFromEnvironment,
        CustomParser = result => OptionParsers.Port(OptionParsers.Token(result), "--port", result),
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Port);
    }

    /// <summary>Resolves the host to one address, preferring IPv4 as the course's examples do.</summary>
    public static IPAddress Resolve(string host)
    {
        if (IPAddress.TryParse(host, out var address))
        {
            return address;
        }
        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.First();
        }
        catch (Exception e) when (e is SocketException or InvalidOperationException or ArgumentException)
        {
            throw new ExerciseException(CommonTexts.FormatHostNotFound(host, e.Message), ExitCodes.Usage);
        }
    }

    private static int PortFromEnvironment(ArgumentResult result) =>
        Environment.GetEnvironmentVariable(Settings.PortVariable) is { Length: > 0 } text
            ? OptionParsers.Port(text, Settings.PortVariable, result)
            : Settings.DefaultPort;
}
