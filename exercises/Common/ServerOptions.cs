using System.Net;

namespace SocketExercises.Common;

/// <summary>Where a server listens: <c>--host</c>/<c>SOCKET_HOST</c> and <c>--port</c>/<c>SOCKET_PORT</c>.</summary>
/// <param name="Host">The host as the user wrote it, for messages.</param>
/// <param name="Address">The host resolved to an IP address, ready for <see cref="IPEndPoint"/>.</param>
/// <param name="Port">The TCP port.</param>
public sealed record ServerOptions(string Host, IPAddress Address, int Port);
