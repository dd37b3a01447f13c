// Exercise 04, the challenge server: a client proves it knows the password without sending it. The server
// sends "CHALLENGE <nonce>\n", the client answers "AUTH <HMAC-SHA256(password, nonce)>\n".
// Start from your server of exercise 02; README.md beside this folder explains the protocol and why.
// Run it:   SOCKET_PASSWORD=tajna dotnet run --project exercises/04-challenge/ChallengeServer
// Grade it: dotnet run --project grader -- check challenge-server
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthServerAsync(args, "Echo server with a challenge: clients prove they know the password without sending it.", ChallengeServer.RunAsync);

internal static class ChallengeServer
{
    private const int MaxLineBytes = 1024;

    public static Task RunAsync(AuthServerOptions options, CancellationToken stopping)
    {
        // TODO 1: Listen and accept clients as your password server does, starting
        //         ServeClientAsync(client, options, stopping) for each client without awaiting it.
        //         options.Password holds the password: never print it.
        //         (Make this method `async Task` once you await something.)
        throw Todo.NotDone(1, "listen and accept clients as the password server does");
    }

    private static Task ServeClientAsync(Socket client, AuthServerOptions options, CancellationToken stopping)
    {
        // TODO 2: Before reading anything, send the challenge. The nonce is 16 bytes no one can guess, new
        //         for this connection: RandomNumberGenerator.GetBytes(16) (never System.Random, a counter or
        //         the clock), written with Convert.ToHexStringLower: 32 characters. Send $"CHALLENGE {nonce}\n".
        //
        // TODO 3: Read the first line as your password server does: up to '\n', at most MaxLineBytes, within
        //         options.LoginTimeout, keeping the bytes after the '\n', dropping a '\r' before it.
        //
        // TODO 4: Check the answer. Decode it as strict UTF-8; it must be "AUTH " and exactly 64 hex digits
        //         (Uri.IsHexDigit). The MAC you expect is
        //             HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Password), Encoding.ASCII.GetBytes(nonce))
        //         the password as the key, the nonce's 32 characters as the message. Compare
        //         Convert.FromHexString(hex) with it using CryptographicOperations.FixedTimeEquals (it reads
        //         upper and lower case alike, and takes as long whichever byte differs).
        //         Anything else - a wrong MAC, the password itself, another command - gets "ERR <reason>\n"
        //         and the close: echo nothing.
        //
        // TODO 5: Send "OK\n", then the bytes you kept, then echo until ReceiveAsync returns 0. Catch
        //         SocketException per client, and close the socket however you leave (using).
        throw Todo.NotDone(2, "send the challenge, check the MAC, and answer OK or ERR");
    }
}
