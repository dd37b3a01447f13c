using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Echo.Client;

/// <summary>Echo clients by name: broken ones, each with one mistake, then correct ones.</summary>
public static class Clients
{
    // The message the grader gives, as a correct client reads it.
    private static string MessageText => Environment.GetEnvironmentVariable("SOCKET_MESSAGE") ?? "Hello, world";

    private static byte[] Message => Encoding.UTF8.GetBytes(MessageText);

    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "echo-client";

    private const string Connects = "echo-client.connects";
    private const string SendsMessage = "echo-client.sends-message";
    private const string PrintsEcho = "echo-client.prints-echo";
    private const string ReassemblesPieces = "echo-client.reassembles-pieces";
    private const string ExitsZero = "echo-client.exits-zero";

    public static IReadOnlyDictionary<string, CatalogueClient> All { get; } = new Dictionary<string, CatalogueClient>
    {
        // Broken.
        ["reads-once"] = new(ReadsOnce) { Diagnosis = "echo-client.prints-one-receive", MustFail = [ReassemblesPieces] },
        // Still waiting when it is stopped, it never prints either.
        ["waits-for-server-to-close"] = new(WaitsForServerToClose) { Diagnosis = "echo-client.waits-for-server-to-close", MustFail = [ExitsZero, PrintsEcho, ReassemblesPieces] },
        ["sends-newline"] = new((port, stop) => SendAndPrint(port, Encoding.UTF8.GetBytes(MessageText + "\n"), stop)) { MustFail = [SendsMessage] },
        // The message it was given, in an encoding other than UTF-8; each prints the echo decoded the same way.
        ["encodes-ascii"] = new((port, stop) => SendAndPrint(port, Encoding.ASCII.GetBytes(MessageText), stop)) { MustFail = [SendsMessage] },
        ["encodes-latin1"] = new((port, stop) => SendAndPrint(port, Encoding.Latin1.GetBytes(MessageText), stop, Encoding.Latin1)) { MustFail = [SendsMessage] },
        ["encodes-utf16"] = new((port, stop) => SendAndPrint(port, Encoding.Unicode.GetBytes(MessageText), stop, Encoding.Unicode)) { MustFail = [SendsMessage] },
        // Sends the right bytes, then turns the echo back into text as ASCII: every non-ASCII byte prints as '?'.
        ["prints-ascii-decoded"] = new((port, stop) => SendAndPrint(port, Message, stop, Encoding.ASCII)) { MustFail = [PrintsEcho, ReassemblesPieces] },
        // The course's first client: a message written in the code, whatever it is given.
        ["hardcoded-message"] = new((port, stop) => SendAndPrint(port, "Hello, world"u8.ToArray(), stop)) { MustFail = [SendsMessage] },
        ["exits-non-zero"] = new(async (port, stop) => await SendAndPrint(port, Message, stop) + 1) { MustFail = [ExitsZero] },
        ["prints-nothing"] = new(PrintsNothing) { MustFail = [PrintsEcho, ReassemblesPieces] },
        ["wrong-port"] = new((port, stop) => SendAndPrint(port == 1 ? 2 : 1, Message, stop)) { MustFail = [Connects] },

        // Correct.
        ["correct"] = new((port, stop) => SendAndPrint(port, Message, stop)),
        ["correct-half-close-first"] = new(HalfClosesFirst),
    };

    private static async Task<Socket> ConnectAsync(int port, CancellationToken stop)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Listening.Address, port), stop);
        return socket;
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, int count, CancellationToken stop)
    {
        var reply = new byte[count];
        for (int received = 0; received < count;)
        {
            int n = await socket.ReceiveAsync(reply.AsMemory(received), stop);
            if (n == 0)
            {
                return reply[..received];
            }
            received += n;
        }
        return reply;
    }

    private static async Task<int> SendAndPrint(int port, byte[] message, CancellationToken stop, Encoding? printAs = null)
    {
        using var socket = await ConnectAsync(port, stop);
        await socket.SendAsync(message, stop);
        var reply = await ReceiveAsync(socket, message.Length, stop);
        Console.WriteLine($"Received: {(printAs ?? Encoding.UTF8).GetString(reply)}");
        return 0;
    }

    private static async Task<int> ReadsOnce(int port, CancellationToken stop)
    {
        using var socket = await ConnectAsync(port, stop);
        await socket.SendAsync(Message, stop);
        var buffer = new byte[1024];
        int received = await socket.ReceiveAsync(buffer, stop);
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(buffer, 0, received)}");
        return 0;
    }

    private static async Task<int> WaitsForServerToClose(int port, CancellationToken stop)
    {
        using var socket = await ConnectAsync(port, stop);
        await socket.SendAsync(Message, stop);
        var everything = await ReceiveUntilClosedAsync(socket, stop); // but the server waits for us to close first
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(everything)}");
        return 0;
    }

    private static async Task<int> PrintsNothing(int port, CancellationToken stop)
    {
        using var socket = await ConnectAsync(port, stop);
        await socket.SendAsync(Message, stop);
        await ReceiveAsync(socket, Message.Length, stop);
        return 0;
    }

    private static async Task<int> HalfClosesFirst(int port, CancellationToken stop)
    {
        using var socket = await ConnectAsync(port, stop);
        await socket.SendAsync(Message, stop);
        socket.Shutdown(SocketShutdown.Send); // legal: the server sends the rest of the echo, then closes
        var everything = await ReceiveUntilClosedAsync(socket, stop);
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(everything)}");
        return 0;
    }

    private static async Task<byte[]> ReceiveUntilClosedAsync(Socket socket, CancellationToken stop)
    {
        var everything = new List<byte>();
        var buffer = new byte[1024];
        int received;
        while ((received = await socket.ReceiveAsync(buffer, stop)) > 0)
        {
            everything.AddRange(buffer.AsSpan(0, received));
        }
        return [.. everything];
    }
}
