// Exercise 04, the challenge client: read the server's challenge, answer it with an HMAC of it keyed with the
// password, wait for the verdict, then talk as the echo client does. The password never leaves the program.
// README.md beside this folder explains the protocol and why.
// Run it:   SOCKET_PASSWORD=tajna dotnet run --project exercises/04-challenge/ChallengeClient -- "Hello, world"
// Grade it: dotnet run --project grader -- check challenge-client
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthClientAsync(args, "Echo client with a challenge: proves it knows the password without sending it.", ChallengeClient.RunAsync);

internal static class ChallengeClient
{
    public static Task RunAsync(AuthClientOptions options, CancellationToken stopping)
    {
        // TODO 1: Connect to new IPEndPoint(options.Address, options.Port), as your password client does,
        //         and send nothing yet: the server speaks first.
        //         (Make this method `async Task` once you await something.)
        //
        // TODO 2: Receive the challenge line, up to '\n' (it may arrive in pieces: one byte at a time is
        //         simplest). It must start with "CHALLENGE "; the rest is the nonce, exactly as received.
        //
        // TODO 3: Answer it: mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.Password),
        //         Encoding.UTF8.GetBytes(nonce)), and send $"AUTH {Convert.ToHexStringLower(mac)}\n".
        //         Never send the password itself, in any form, and never print it.
        //
        // TODO 4: Receive the answer line before sending anything else: "OK" goes on; "ERR <reason>" throws
        //         new ExerciseException($"The server refused the login: {reason}").
        //
        // TODO 5: Then do what the echo client does: send options.Message, receive the whole echo, print
        //         it, and call Shutdown(SocketShutdown.Send). (With options.Interactive, repeat for each line.)
        throw Todo.NotDone(1, "connect to the server");
    }
}
