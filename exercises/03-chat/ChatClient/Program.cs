// Exercise 03, the chat client: joins the room with "NICK <name>\n", then does two things at once — sends each
// line typed on standard input, and prints each line from the server the moment it arrives.
// Run it:   dotnet run --project exercises/03-chat/ChatClient -- --nick Ana
// Grade it: dotnet run --project grader -- check chat-client
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunChatClientAsync(args, "Chat client: joins the room, sends what you type, prints what the others say.", ChatClient.RunAsync);

internal static class ChatClient
{
    public static Task RunAsync(ChatClientOptions options, CancellationToken stopping)
    {
        // TODO 1: Connect as your echo client does, to new IPEndPoint(options.Address, options.Port).
        //         Then wrap the socket for reading lines:
        //             using var stream = new NetworkStream(socket, ownsSocket: false);
        //             using var server = new StreamReader(stream, new UTF8Encoding(false));
        //         StreamReader keeps what one receive holds beyond a line for the next ReadLineAsync.
        //
        // TODO 2: Send "NICK " + options.Nick + "\n" (UTF-8), and nothing else until the answer has come:
        //         `await server.ReadLineAsync(token)`. "ERR <reason>": throw new ExerciseException with the
        //         reason (the program prints it and exits with 1). Anything but "OK": the same, with what came.
        //
        // TODO 3: Now do two things at once: start PrintAsync(server, stopping) WITHOUT awaiting it, then read
        //         the keyboard: `while (await Console.In.ReadLineAsync(token) is { } line)` send line + "\n".
        //         Reading the server only after each Enter would hide what others say while you think.
        //
        // TODO 4: At the end of the input, socket.Shutdown(SocketShutdown.Send): the server sees you leave,
        //         and what is already on its way to you still arrives. Then await the printing task: it ends
        //         when the server closes the connection.
        //         (Make this method `async Task` once you await something.)
        throw Todo.NotDone(1, "connect, join with NICK, then send typed lines while printing what arrives");
    }

    private static Task PrintAsync(StreamReader server, CancellationToken stopping)
    {
        // TODO 5: Until ReadLineAsync returns null (the server closed), print each line as a person reads it:
        //         "MSG <name> <text>" as "<name>: <text>", "JOIN <name>" as "* <name> joined",
        //         "LEAVE <name>" as "* <name> left", "ERR <reason>" as "! <reason>".
        throw Todo.NotDone(5, "print each line from the server as it arrives");
    }
}
