// The reference echo client: sends a message, reads back the whole echo however the server splits it, and prints it.
// With --interactive it does that for every line typed, so you can talk to your own server.
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketExercises.Common;

return await ExerciseHost.RunClientAsync(args, "Echo client: sends a message to an echo server and prints the reply.", EchoClient.RunAsync);

internal static class EchoClient
{
    public static async Task RunAsync(ClientOptions options, CancellationToken stopping)
    {
        // socket() and connect(): one TCP connection to the server, given up after the timeout.
        using var socket = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using (var connecting = Deadline(options.Timeout, stopping))
        {
            await socket.ConnectAsync(new IPEndPoint(options.Address, options.Port), connecting.Token);
        }

        if (options.Interactive)
        {
            Console.Error.WriteLine($"Connected to {socket.RemoteEndPoint}. Type a line to send it; end the input (Ctrl+D, or Ctrl+Z on Windows) to quit.");
            while (Console.ReadLine() is { } line)
            {
                await ExchangeAsync(socket, line, options.Timeout, stopping);
            }
        }
        else
        {
            await ExchangeAsync(socket, options.Message, options.Timeout, stopping);
        }

        // shutdown(SHUT_WR): tell the server we will send nothing more, so it can close its side too.
        socket.Shutdown(SocketShutdown.Send);
    }

    private static async Task ExchangeAsync(Socket socket, string message, TimeSpan timeout, CancellationToken stopping)
    {
        byte[] request = Encoding.UTF8.GetBytes(message); // sockets carry bytes, not text
        using var deadline = Deadline(timeout, stopping);

        // sendall(): send() may take only part of the data, so loop until every byte is gone.
        for (int sent = 0; sent < request.Length;)
        {
            sent += await socket.SendAsync(request.AsMemory(sent), SocketFlags.None, deadline.Token);
        }

        // recv() until the whole echo is here: TCP is a stream, so one send may arrive as several pieces.
        var reply = new byte[request.Length];
        for (int received = 0; received < reply.Length;)
        {
            int count = await socket.ReceiveAsync(reply.AsMemory(received), SocketFlags.None, deadline.Token);
            if (count == 0)
            {
                throw new ExerciseException($"The server closed the connection after echoing {received} of {reply.Length} bytes.");
            }
            received += count;
        }
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(reply)}");
    }

    // A token that fires after the timeout or on Ctrl+C, whichever comes first: no wait is unbounded.
    private static CancellationTokenSource Deadline(TimeSpan timeout, CancellationToken stopping)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        deadline.CancelAfter(timeout);
        return deadline;
    }
}
