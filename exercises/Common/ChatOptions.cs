using System.Net;

namespace SocketExercises.Common;

/// <summary>What a chat client connects to and the name it joins with.</summary>
/// <param name="Host">The server's host as the user wrote it, for messages.</param>
/// <param name="Address">The host resolved to an IP address, ready for <see cref="IPEndPoint"/>.</param>
/// <param name="Port">The server's TCP port.</param>
/// <param name="Nick">The name to join the room with.</param>
/// <param name="Timeout">How long to wait for the server to accept the connection and answer <c>NICK</c>.</param>
public sealed record ChatClientOptions(string Host, IPAddress Address, int Port, string Nick, TimeSpan Timeout);
