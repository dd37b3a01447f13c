using System.Net;

namespace SocketExercises.Catalogue;

/// <summary>
/// The host the grader gives the catalogue's programs (SOCKET_HOST), as a correct program uses it: where a server
/// listens, and where a client connects.
/// </summary>
internal static class Listening
{
    public static IPAddress Address { get; } =
        Environment.GetEnvironmentVariable("SOCKET_HOST") is { Length: > 0 } host ? IPAddress.Parse(host) : IPAddress.Loopback;
}
