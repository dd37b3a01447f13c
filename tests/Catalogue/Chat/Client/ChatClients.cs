using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Chat.Client;

/// <summary>
/// Chat clients by name: each broken one is the correct client with one student mistake switched on; the
/// correct ones differ in how they are written (a thread and blocking calls, \r\n line ends).
/// </summary>
public static class ChatClients
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "chat-client";

    private const string Connects = "chat-client.connects";
    private const string SendsNick = "chat-client.sends-nick";
    private const string WaitsForOk = "chat-client.waits-for-ok";
    private const string SendsTyped = "chat-client.sends-typed-lines";
    private const string PrintsWhileIdle = "chat-client.prints-while-idle";
    private const string EachKind = "chat-client.prints-each-kind";
    private const string InPieces = "chat-client.prints-lines-in-pieces";
    private const string HalfCloses = "chat-client.half-closes-at-end";
    private const string ReportsRefusal = "chat-client.reports-refusal";

    public static IReadOnlyDictionary<string, CatalogueClient> All { get; } = new Dictionary<string, CatalogueClient>
    {
        // Broken.
        ["wrong-port"] = Client(new() { WrongPort = true }, Connects),
        ["ignores-its-name"] = Client(new() { Nick = "student" }, SendsNick),
        ["ascii-encoding"] = Client(new() { Encoding = Encoding.ASCII }, SendsNick, SendsTyped),
        // Starts reading the keyboard before the answer has come.
        // It also waits for the keyboard before it reads a refusal, so it never reports one.
        ["sends-before-ok"] = Client(new() { SendsBeforeOk = true }, WaitsForOk, ReportsRefusal),
        // One loop: read a typed line, send it, then read the server once. Nothing is printed while the user is idle.
        ["reads-server-after-each-line"] = Client(new() { ReadsServerAfterEachLine = true }, PrintsWhileIdle),
        ["prints-raw-lines"] = Client(new() { PrintsRaw = true }, EachKind),
        // Prints each receive as it comes, as if it were whole lines.
        ["prints-each-read"] = Client(new() { PrintsEachRead = true }, InPieces),
        // Closes the socket and exits at the end of its input: what is still on its way is lost.
        ["exits-at-end-of-input"] = Client(new() { ExitsAtEndOfInput = true }, HalfCloses),
        ["ignores-err"] = Client(new() { IgnoresErr = true }, ReportsRefusal),

        // Correct.
        ["correct"] = Client(new()),
        ["correct-threads"] = Client(new() { Threads = true }),
        ["correct-crlf"] = Client(new() { LineEnd = "\r\n" }),
    };

    private static CatalogueClient Client(ChatClientMistakes mistakes, params string[] mustFail) =>
        new((port, stop) => TalkAsync(port, mistakes, stop)) { MustFail = mustFail };

    private static async Task<int> TalkAsync(int port, ChatClientMistakes mistakes, CancellationToken stop)
    {
        string nick = mistakes.Nick ?? Environment.GetEnvironmentVariable("SOCKET_NICK") ?? "Ana";
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(Listening.Address, mistakes.WrongPort ? (port == 1 ? 2 : 1) : port), stop);
        var console = new StreamReader(Console.OpenStandardInput(), Encoding.UTF8);
        var stream = new NetworkStream(socket, ownsSocket: false);
        var server = new StreamReader(stream, mistakes.Encoding);

        async Task SendAsync(string line) => await socket.SendAsync(mistakes.Encoding.GetBytes(line + mistakes.LineEnd), stop);

        await SendAsync($"NICK {nick}");
        Task<string?> typedEarly = mistakes.SendsBeforeOk ? console.ReadLineAsync(stop).AsTask() : Task.FromResult<string?>(null);
        if (mistakes.SendsBeforeOk && await typedEarly is { } early)
        {
            await SendAsync(early);
        }
        string? answer = await server.ReadLineAsync(stop);
        if (answer is null || (answer.StartsWith("ERR ", StringComparison.Ordinal) && !mistakes.IgnoresErr))
        {
            Console.Error.WriteLine($"Refused: {answer?[4..] ?? "the server closed the connection"}");
            return 1;
        }

        if (mistakes.ReadsServerAfterEachLine)
        {
            var buffer = new byte[4096];
            while (await console.ReadLineAsync(stop) is { } line)
            {
                await SendAsync(line);
                int count = await socket.ReceiveAsync(buffer, stop);
                foreach (string received in mistakes.Encoding.GetString(buffer, 0, count).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.WriteLine(Show(received, mistakes));
                }
            }
            socket.Shutdown(SocketShutdown.Send);
            while (await server.ReadLineAsync(stop) is { } line)
            {
                Console.WriteLine(Show(line, mistakes));
            }
            return 0;
        }

        Task printing = mistakes.Threads
            ? Task.Factory.StartNew(() => PrintBlocking(server, mistakes), TaskCreationOptions.LongRunning)
            : PrintAsync(socket, server, mistakes, stop);
        while ((mistakes.Threads ? console.ReadLine() : await console.ReadLineAsync(stop)) is { } line)
        {
            await SendAsync(line);
        }
        if (mistakes.ExitsAtEndOfInput)
        {
            socket.Close();
            return 0;
        }
        socket.Shutdown(SocketShutdown.Send);
        await printing;
        return 0;
    }

    private static async Task PrintAsync(Socket socket, StreamReader server, ChatClientMistakes mistakes, CancellationToken stop)
    {
        if (mistakes.PrintsEachRead)
        {
            var buffer = new byte[4096];
            int count;
            while ((count = await socket.ReceiveAsync(buffer, stop)) > 0)
            {
                foreach (string line in mistakes.Encoding.GetString(buffer, 0, count).Split('\n', StringSplitOptions.RemoveEmptyEntries))
                {
                    Console.WriteLine(Show(line, mistakes));
                }
            }
            return;
        }
        while (await server.ReadLineAsync(stop) is { } line)
        {
            Console.WriteLine(Show(line, mistakes));
        }
    }

    private static void PrintBlocking(StreamReader server, ChatClientMistakes mistakes)
    {
        while (server.ReadLine() is { } line)
        {
            Console.WriteLine(Show(line, mistakes));
        }
    }

    private static string Show(string line, ChatClientMistakes mistakes) => mistakes.PrintsRaw ? line : line.Split(' ', 3) switch
    {
        ["MSG", var name, var text] => $"{name}: {text}",
        ["JOIN", var name] => $"* {name} joined",
        ["LEAVE", var name] => $"* {name} left",
        ["ERR", ..] => $"! {line[4..]}",
        _ => line,
    };
}

/// <summary>What a catalogue chat client gets wrong; the defaults are a correct client.</summary>
public sealed record ChatClientMistakes
{
    public bool WrongPort { get; init; }

    /// <summary>A name of its own instead of the one it is given.</summary>
    public string? Nick { get; init; }

    public Encoding Encoding { get; init; } = new UTF8Encoding(false);

    public bool SendsBeforeOk { get; init; }

    public bool ReadsServerAfterEachLine { get; init; }

    public bool PrintsRaw { get; init; }

    public bool PrintsEachRead { get; init; }

    public bool ExitsAtEndOfInput { get; init; }

    public bool IgnoresErr { get; init; }

    public string LineEnd { get; init; } = "\n";

    /// <summary>Not a mistake: a thread with blocking reads prints, and the keyboard is read with blocking calls.</summary>
    public bool Threads { get; init; }
}
