// The reference chat client: joins the room with "NICK <name>\n", then does two things at once — sends each
// line typed on standard input, and prints each line from the server the moment it arrives.
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunChatClientAsync(args, "Chat client: joins the room, sends what you type, prints what the others say.", ChatClient.RunAsync);

internal static class ChatClient
{
    public static async Task RunAsync(ChatClientOptions options, CancellationToken stopping)
    {
        using var socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using (var connecting = Deadline(options.Timeout, stopping))
        {
            await socket.ConnectAsync(new IPEndPoint(options.Address, options.Port), connecting.Token);
        }
        socket.NoDelay = true; // a typed line goes out at once

        // A client may let StreamReader frame the lines: it keeps what one read holds beyond a line for the
        // next ReadLineAsync, and decodes UTF-8 across reads. (The server frames by hand, to enforce its limit.)
        using var stream = new NetworkStream(socket, ownsSocket: false);
        using var server = new StreamReader(stream, new UTF8Encoding(false));

        // Join, and send nothing else until the server has answered.
        await SendLineAsync(socket, $"NICK {options.Nick}", stopping);
        using (var joining = Deadline(options.Timeout, stopping))
        {
            string answer = await server.ReadLineAsync(joining.Token)
                ?? throw new ExerciseException("The server closed the connection without answering NICK.");
            if (answer.StartsWith("ERR ", StringComparison.Ordinal))
            {
                throw new ExerciseException($"The server refused the name {options.Nick}: {answer["ERR ".Length..]}");
            }
            if (answer != "OK")
            {
                throw new ExerciseException($"The server answered NICK with '{answer}', not OK or ERR.");
            }
        }
        Console.Error.WriteLine($"Joined as {options.Nick}. Type a line to send it; end the input (Ctrl+D, or Ctrl+Z on Windows) to leave.");

        // Two loops at once: the screen must show what arrives even while nobody presses Enter.
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var printing = PrintAsync(server, stopping);
        var typing = SendTypedLinesAsync(socket, leaving.Token);
        if (await Task.WhenAny(printing, typing) == printing)
        {
            leaving.Cancel(); // the server closed first: stop reading the keyboard
            await printing;
            throw new ExerciseException("The server closed the connection.");
        }
        await typing;
        // End of input: say so with a half-close, and print what is still on its way until the server closes.
        socket.Shutdown(SocketShutdown.Send);
        await printing;
    }

    private static async Task SendTypedLinesAsync(Socket socket, CancellationToken token)
    {
        while (await Console.In.ReadLineAsync(token) is { } line)
        {
            await SendLineAsync(socket, line, token);
        }
    }

    private static async Task PrintAsync(StreamReader server, CancellationToken token)
    {
        while (await server.ReadLineAsync(token) is { } line)
        {
            Console.WriteLine(Show(line));
        }
    }

    // What a person reads: the protocol's words become sentences.
    private static string Show(string line) => line.Split(' ', 3) switch
    {
        ["MSG", var name, var text] => $"{name}: {text}",
        ["MSG", var name] => $"{name}: ",
        ["JOIN", var name] => $"* {name} joined",
        ["LEAVE", var name] => $"* {name} left",
        ["ERR", ..] => $"! {line["ERR ".Length..]}",
        _ => line,
    };

    private static async Task SendLineAsync(Socket socket, string line, CancellationToken token)
    {
        ReadOnlyMemory<byte> data = Encoding.UTF8.GetBytes(line + "\n");
        while (!data.IsEmpty)
        {
            data = data[await socket.SendAsync(data, SocketFlags.None, token)..];
        }
    }

    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken stopping)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        return deadline;
    }
}
