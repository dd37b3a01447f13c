using System.Net.Sockets;
using System.Text.Json;

namespace SocketExercises.Grader.Sandbox;

/// <summary>
/// Lets the grader talk to an older Docker engine (Debian's speaks API 1.41) without the user setting
/// DOCKER_API_VERSION: the engine's own version is read from its local socket and adopted when it is older
/// than what the client library asks for by default.
/// </summary>
internal static class DockerApiVersion
{
    private const string Variable = "DOCKER_API_VERSION";
    private const string LocalSocket = "/var/run/docker.sock";

    // Older engines refuse the client library's default version; newer ones accept it.
    private static readonly Version ClientDefault = new(1, 44);

    public static void AdoptTheEngines()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 }
            || Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 }
            || OperatingSystem.IsWindows()
            || !File.Exists(LocalSocket))
        {
            return; // set by the user, or an engine this cannot ask: left to the user
        }
        try
        {
            using var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(LocalSocket), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                },
            };
            using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(2) };
            // /version answers whatever version the caller speaks.
            using var answer = JsonDocument.Parse(http.GetStringAsync(new Uri("http://engine/version")).GetAwaiter().GetResult());
            string engine = answer.RootElement.GetProperty("ApiVersion").GetString() ?? "";
            if (Version.TryParse(engine, out var version) && version < ClientDefault)
            {
                Environment.SetEnvironmentVariable(Variable, version.ToString(2));
            }
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or JsonException or TaskCanceledException or KeyNotFoundException or InvalidOperationException)
        {
            // No engine answers there: creating the sandbox says so, with what to do.
        }
    }
}
