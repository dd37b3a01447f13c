using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Auth.Client;

/// <summary>Authenticating echo clients by name: broken ones, each with one mistake, then correct ones.</summary>
public static class AuthClients
{
    // The message the grader gives, as a correct client reads it.
    private static byte[] Message => Encoding.UTF8.GetBytes(Environment.GetEnvironmentVariable("SOCKET_MESSAGE") ?? "Hello, world");

    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "auth-client";

    private const string Connects = "auth-client.connects";
    private const string EchoAfterLogin = "auth-client.echo-after-login";
    private const string SendsAuth = "auth-client.sends-auth";
    private const string WaitsForAnswer = "auth-client.waits-for-answer";
    private const string OkInPieces = "auth-client.ok-in-pieces";
    private const string ReportsRefusal = "auth-client.reports-refusal";

    public static IReadOnlyDictionary<string, CatalogueClient> All { get; } = new Dictionary<string, CatalogueClient>
    {
        // Broken.
        ["hardcoded-password"] = new((port, stop) => LogInAsync(port, "AUTH secret123\n", stop)) { MustFail = [SendsAuth] },
        ["sends-message-with-login"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, sendEarly: true)) { MustFail = [WaitsForAnswer] },
        ["ignores-refusal"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, ignoreRefusal: true)) { MustFail = [ReportsRefusal] },
        // One receive of 16 bytes: "O" alone is not OK, and the refusal's reason is cut short.
        ["reads-answer-once"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, readAnswerOnce: true)) { MustFail = [OkInPieces, ReportsRefusal] },
        // Exits with 1 where it should exit with 0; after a refusal its code is not 0 either, as it should be.
        ["exits-non-zero"] = new(async (port, stop) => await LogInAsync(port, $"AUTH {Password}\n", stop) == 0 ? 1 : 3) { MustFail = [EchoAfterLogin] },
        ["wrong-port"] = new((port, stop) => LogInAsync(port == 1 ? 2 : 1, $"AUTH {Password}\n", stop)) { MustFail = [Connects] },
        // Logs in with the password it is given, then sends a message of its own.
        ["hardcoded-message"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop, message: "Hello, world"u8.ToArray())) { MustFail = [EchoAfterLogin] },
        ["no-newline"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}", stop)) { MustFail = [SendsAuth] },

        // Correct.
        ["correct"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\n", stop)),
        ["correct-crlf"] = new((port, stop) => LogInAsync(port, $"AUTH {Password}\r\n", stop)),
    };

    private static string Password => Environment.GetEnvironmentVariable("SOCKET_PASSWORD") ?? "";

    private static async Task<int> LogInAsync(
        int port, string login, CancellationToken stop, bool sendEarly = false, bool ignoreRefusal = false, bool readAnswerOnce = false, byte[]? message = null)
    {
        message ??= Message;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Listening.Address, port), stop);
        await socket.SendAsync(Encoding.UTF8.GetBytes(login), stop);
        if (sendEarly)
        {
            await socket.SendAsync(message, stop);
        }

        return await FinishLoginAsync(socket, message, sendEarly, ignoreRefusal, readAnswerOnce, stop);
    }

    /// <summary>
    /// A client's part after its login line, for exercise 02's clients and exercise 04's: the answer, then the
    /// message (unless it went early) and its echo. Returns the exit code.
    /// </summary>
    internal static async Task<int> FinishLoginAsync(Socket socket, byte[] message, bool sentEarly, bool ignoreRefusal, bool readAnswerOnce, CancellationToken stop)
    {
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

        if (!sentEarly)
        {
            await socket.SendAsync(message, stop);
        }
        var reply = new byte[message.Length];
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

    internal static async Task<string> ReceiveLineAsync(Socket socket, CancellationToken stop)
    {
        var line = new List<byte>();
        var one = new byte[1];
        while (await socket.ReceiveAsync(one, stop) > 0 && one[0] != '\n')
        {
            line.Add(one[0]);
        }
        return Encoding.UTF8.GetString([.. line]).TrimEnd('\r');
    }

    internal static async Task<string> ReceiveOnceAsync(Socket socket, CancellationToken stop, int most = 16)
    {
        var buffer = new byte[most];
        int count = await socket.ReceiveAsync(buffer, stop);
        return Encoding.UTF8.GetString(buffer, 0, count).TrimEnd('\n', '\r');
    }
}
