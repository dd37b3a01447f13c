// Exercise 01, the echo server: send every byte a client sends straight back to it.
// Work through the TODOs in order; README.md beside this folder explains each socket call.
// Run it:   dotnet run --project exercises/01-echo/EchoServer
// Grade it: dotnet run --project grader -- check echo-server
using System.Net;
using System.Net.Sockets;
using SocketExercises.Common;

return await ExerciseHost.RunServerAsync(args, "Echo server: sends every byte back to the client that sent it.", EchoServer.RunAsync);

internal static class EchoServer
{
    public static Task RunAsync(ServerOptions options, CancellationToken stopping)
    {
        // TODO 1: Create the listening socket, Python's socket.socket():
        //         new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp).
        //         Declare it with `using var` so it is closed when the server stops.
        //
        // TODO 2: Bind it to new IPEndPoint(options.Address, options.Port), then call Listen().
        //         Print a line such as "listening on ..." so you can see the server is up.
        //
        // TODO 3: Accept clients in a loop: `Socket client = await listener.AcceptAsync(stopping);`
        //         When Ctrl+C is pressed, AcceptAsync throws OperationCanceledException: catch it and leave the loop.
        //         Start `ServeClientAsync(client, stopping)` for each client WITHOUT awaiting it (`_ = ...`),
        //         so that one client never waits for another.
        //         (Make this method `async Task` once you await something.)
        throw Todo.NotDone(1, "create the listening socket, bind it, listen and accept clients in a loop");
    }

    private static Task ServeClientAsync(Socket client, CancellationToken stopping)
    {
        // TODO 4: Own the client socket with `using (client) { ... }` so it is closed however you leave.
        //         In a loop, receive into a byte buffer:
        //             int received = await client.ReceiveAsync(buffer, SocketFlags.None, stopping);
        //         0 bytes means the client has shut down its sending side: leave the loop (and close).
        //         Any other count: send back exactly buffer[0..received], all of it. SendAsync returns
        //         how many bytes it took; loop until every byte is sent (Python's sendall()).
        //
        // TODO 5: Catch SocketException around the loop: a client that resets its connection
        //         ends only its own conversation, never the whole server.
        throw Todo.NotDone(4, "receive from the client and send every byte back");
    }
}
