using System.Net;

namespace SocketExercises.Common;

/// <summary>What a client connects to and what it sends.</summary>
/// <param name="Host">The server's host as the user wrote it, for messages.</param>
/// <param name="Address">The host resolved to an IP address, ready for <see cref="IPEndPoint"/>.</param>
/// <param name="Port">The server's TCP port.</param>
/// <param name="Message">The message to send when not interactive.</param>
/// <param name="Interactive">Read lines from standard input and send each one.</param>
/// <param name="Timeout">How long to wait for the server to accept or to answer.</param>
public sealed record ClientOptions(
    string Host, IPAddress Address, int Port, string Message, bool Interactive, TimeSpan Timeout);
