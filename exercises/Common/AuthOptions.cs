using System.Net;

namespace SocketExercises.Common;

/// <summary>Where an authenticating server listens, the password it expects, and how long a client may take to log in.</summary>
/// <param name="Host">The host as the user wrote it, for messages.</param>
/// <param name="Address">The host resolved to an IP address, ready for <see cref="IPEndPoint"/>.</param>
/// <param name="Port">The TCP port.</param>
/// <param name="Password">The password clients must send. Never print it.</param>
/// <param name="LoginTimeout">How long a client may take to send its first line.</param>
public sealed record AuthServerOptions(string Host, IPAddress Address, int Port, string Password, TimeSpan LoginTimeout)
{
    // A record prints all its values by default; a password must never reach a log or a console.
    public override string ToString() => $"{Host}:{Port} (password hidden, login timeout {LoginTimeout.TotalSeconds:0.#} s)";
}

/// <summary>What an authenticating client connects to, the password it sends, and its message.</summary>
/// <param name="Host">The server's host as the user wrote it, for messages.</param>
/// <param name="Address">The host resolved to an IP address, ready for <see cref="IPEndPoint"/>.</param>
/// <param name="Port">The server's TCP port.</param>
/// <param name="Password">The password to log in with. Never print it.</param>
/// <param name="Message">The message to send when not interactive.</param>
/// <param name="Interactive">Read lines from standard input and send each one.</param>
/// <param name="Timeout">How long to wait for the server to accept or to answer.</param>
public sealed record AuthClientOptions(
    string Host, IPAddress Address, int Port, string Password, string Message, bool Interactive, TimeSpan Timeout)
{
    public override string ToString() => $"{Host}:{Port} (password hidden)";
}
