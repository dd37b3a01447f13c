// Exercise 02, the authenticating client: log in with "AUTH <password>\n", wait for the answer, then talk
// as the echo client does. README.md beside this folder explains the protocol.
// Run it:   SOCKET_PASSWORD=tajna dotnet run --project exercises/02-auth/AuthClient -- "Hello, world"
// Grade it: dotnet run --project grader -- check auth-client
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunAuthClientAsync(args, "Echo client with a password: logs in, then sends a message and prints the reply.", AuthClient.RunAsync);

internal static class AuthClient
{
    public static Task RunAsync(AuthClientOptions options, CancellationToken stopping)
    {
        // TODO 1: Connect to new IPEndPoint(options.Address, options.Port), as your echo client does.
        //         (Make this method `async Task` once you await something.)
        //
        // TODO 2: Send the login, $"AUTH {options.Password}\n", encoded as UTF-8. The password comes from
        //         SOCKET_PASSWORD or --password: never write one in the code, and never print it.
        //
        // TODO 3: Receive the server's answer line, up to '\n', before sending anything else. It may arrive
        //         in pieces ("O", then "K\n"): receive one byte at a time until '\n'.
        //         - "OK": go on.
        //         - "ERR <reason>": throw new ExerciseException($"The server refused the login: {reason}"),
        //           which prints the reason and exits with a code other than 0.
        //
        // TODO 4: Then do what the echo client does: send options.Message, receive the whole echo, print it,
        //         and call Shutdown(SocketShutdown.Send). (With options.Interactive, repeat for each line.)
        throw Todo.NotDone(1, "connect to the server");
    }
}
