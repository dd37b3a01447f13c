using System.Net;

namespace SocketExercises.Catalogue;

/// <summary>Where the catalogue's servers listen: the host the grader gives them (SOCKET_HOST), as a correct server does.</summary>
internal static class Listening
{
    public static IPAddress Address { get; } =
        Environment.GetEnvironmentVariable("SOCKET_HOST") is { Length: > 0 } host ? IPAddress.Parse(host) : IPAddress.Loopback;
}
