// Exercise 01, the echo client: send a message to the echo server and print the complete reply.
// Work through the TODOs in order; README.md beside this folder explains each socket call.
// Run it:   dotnet run --project exercises/01-echo/EchoClient -- "Hello, world"
// Grade it: dotnet run --project grader -- check echo-client
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunClientAsync(args, "Echo client: sends a message to an echo server and prints the reply.", EchoClient.RunAsync);

internal static class EchoClient
{
    public static Task RunAsync(ClientOptions options, CancellationToken stopping)
    {
        // TODO 1: Create a TCP socket, as the server does, and connect it to the server:
        //             await socket.ConnectAsync(new IPEndPoint(options.Address, options.Port), stopping);
        //         (Make this method `async Task` once you await something.)
        //
        // TODO 2: Turn the message into bytes with Encoding.UTF8.GetBytes(options.Message) and send them all.
        //         SendAsync returns how many bytes it took: loop until every byte is sent.
        //
        // TODO 3: Receive until you have as many bytes back as you sent. TCP is a stream: the echo can
        //         arrive in several pieces, so one ReceiveAsync is not enough. If ReceiveAsync returns 0,
        //         the server has closed the connection early: report it instead of waiting forever.
        //
        // TODO 4: Print the reply: Console.WriteLine($"Received: {Encoding.UTF8.GetString(reply)}").
        //         Then call socket.Shutdown(SocketShutdown.Send) to tell the server you are done.
        //
        // TODO 5 (to talk to your server line by line): when options.Interactive is true, repeat
        //         TODO 2 to 4 for every line read with Console.ReadLine(), until it returns null.
        throw Todo.NotDone(1, "create a socket and connect it to the server");
    }
}
