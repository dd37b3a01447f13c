// Exercise 02, the authenticating server: a client must send "AUTH <password>\n" before anything is echoed.
// Start from your echo server of exercise 01; README.md beside this folder explains the protocol.
// Run it:   SOCKET_PASSWORD=tajna dotnet run --project exercises/02-auth/AuthServer
// Grade it: dotnet run --project grader -- check auth-server
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthServerAsync(args, "Echo server with a password: clients log in with AUTH <password> first.", AuthServer.RunAsync);

internal static class AuthServer
{
    private const int MaxLineBytes = 1024;

    public static Task RunAsync(AuthServerOptions options, CancellationToken stopping)
    {
        // TODO 1: Listen and accept clients exactly as your echo server does (socket, Bind, Listen, an
        //         AcceptAsync loop), starting ServeClientAsync(client, options, stopping) for each client
        //         without awaiting it. options.Password holds the password: never print it.
        //         (Make this method `async Task` once you await something.)
        throw Todo.NotDone(1, "listen and accept clients as the echo server does");
    }

    private static Task ServeClientAsync(Socket client, AuthServerOptions options, CancellationToken stopping)
    {
        // TODO 2: Read the first line. Keep a byte[MaxLineBytes] buffer and receive into it until it holds a
        //         '\n' (Array.IndexOf). The line may arrive in pieces, and bytes after the '\n' may come in
        //         the same receive: keep those, they are the start of the conversation.
        //         - Drop a '\r' right before the '\n'.
        //         - If the buffer fills up without a '\n', send "ERR line too long\n" and close at once.
        //         - Give it a deadline: a CancellationTokenSource linked to `stopping`, with
        //           CancelAfter(options.LoginTimeout). When it fires, send "ERR login timed out\n" and close.
        //
        // TODO 3: Check the line. Decode it with new UTF8Encoding(false, throwOnInvalidBytes: true) (invalid
        //         UTF-8 is refused). It must start with exactly "AUTH ", and the rest must be exactly the
        //         password: case-sensitive, nothing trimmed. Compare in constant time:
        //         CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(expected)).
        //         If the check fails, send "ERR <reason>\n" and close: echo nothing.
        //
        // TODO 4: Send "OK\n", then the bytes you kept from after the line, then echo as in exercise 01
        //         until ReceiveAsync returns 0. Catch SocketException: one client's trouble ends only its
        //         own connection. Close the client socket however you leave (using).
        throw Todo.NotDone(2, "read the first line, check the password, and answer OK or ERR");
    }
}
