using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue;

/// <summary>Authenticating echo clients by name: broken ones, each with one mistake, then correct ones.</summary>
public static class AuthClients
{
    private static readonly byte[] Message = "Hello, world"u8.ToArray();

    public static IReadOnlyDictionary<string, Func<int, CancellationToken, Task<int>>> All { get; } =
        new Dictionary<string, Func<int, CancellationToken, Task<int>>>
        {
            // Broken.
            ["hardcoded-password"] = (port, stop) => LogInAsync(port, "AUTH secret123\n", stop),
            ["sends-message-with-login"] = (port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, sendEarly: true),
            ["ignores-refusal"] = (port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, ignoreRefusal: true),
            ["reads-answer-once"] = (port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, readAnswerOnce: true),
            ["no-newline"] = (port, stop) => LogInAsync(port, $"AUTH {Password}", stop),

            // Correct.
            ["correct"] = (port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop),
            ["correct-crlf"] = (port, stop) => LogInAsync(port, $"AUTH {Password}\r\n", stop),
        };

    private static string Password => Environment.GetEnvironmentVariable("SOCKET_PASSWORD") ?? "";

    private static async Task<int> LogInAsync(
        int port, string login, CancellationToken stop, bool sendEarly = false, bool ignoreRefusal = false, bool readAnswerOnce = false)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Listening.Address, port), stop);
        await socket.SendAsync(Encoding.UTF8.GetBytes(login), stop);
        if (sendEarly)
        {
            await socket.SendAsync(Message, stop);
        }

        string answer = readAnswerOnce ? await ReceiveOnceAsync(socket, stop) : await ReceiveLineAsync(socket, stop);
        if (answer != "OK")
        {
            if (ignoreRefusal)
            {
                return 0;
            }
            Console.Error.WriteLine(answer.StartsWith("ERR ", StringComparison.Ordinal) ? $"Refused: {answer[4..]}" : $"Unexpected answer: {answer}");
            return 1;
        }

        if (!sendEarly)
        {
            await socket.SendAsync(Message, stop);
        }
        var reply = new byte[Message.Length];
        for (int received = 0; received < reply.Length;)
        {
            int count = await socket.ReceiveAsync(reply.AsMemory(received), stop);
            if (count == 0)
            {
                break;
            }
            received += count;
        }
        Console.WriteLine($"Received: {Encoding.UTF8.GetString(reply)}");
        socket.Shutdown(SocketShutdown.Send);
        return 0;
    }

    private static async Task<string> ReceiveLineAsync(Socket socket, CancellationToken stop)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await socket.ReceiveAsync(one, stop) > 0 && one[0] != '\n')
        {
            line.Add(one[0]);
        }
        return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
    }

    private static async Task<string> ReceiveOnceAsync(Socket socket, CancellationToken stop)
    {
        var buffer = new byte[16];
        int count = await socket.ReceiveAsync(buffer, stop);
        return Encoding.UTF8.GetString(buffer, 0, count).TrimEnd('\n', '\r');
    }
}
