// Exercise 03, the chat server: clients join with "NICK <name>\n", and every line one of them sends reaches
// all the others as "MSG <name> <text>\n". README.md beside this folder explains the protocol and why each rule exists.
// Run it:   dotnet run --project exercises/03-chat/ChatServer
// Grade it: dotnet run --project grader -- check chat-server
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using SocketExercises.Common;

return await ExerciseHost.RunServerAsync(args, "Chat server: every line a client sends reaches everyone else in the room.", ChatServer.RunAsync);

internal static class ChatServer
{
    public static Task RunAsync(ServerOptions options, CancellationToken stopping)
    {
        // TODO 1: Listen and accept clients as your echo server does (socket, Bind, Listen, an AcceptAsync
        //         loop). Make one Room before the loop, and for each client start
        //         `new Member(client, room).RunAsync(stopping)` without awaiting it.
        //         (Make this method `async Task` once you await something.)
        throw Todo.NotDone(1, "listen and accept clients, each one a Member of one Room");
    }
}

/// <summary>Who is in the room. Every client's task uses it at the same time: guard it with one lock.</summary>
internal sealed class Room
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Member> _members = new(StringComparer.Ordinal);

    // TODO 4: Write TryJoin(string name, Member member): inside `lock (_lock)`, return false if the name is
    //         in _members; otherwise add it, queue "OK\n" for the member (member.Send), queue "JOIN <name>\n"
    //         for every other member, and return true. Doing all of it inside the lock means nobody can
    //         send the newcomer a line before its OK.
    //
    // TODO 5: Write Say(string name, string text, Member sender), which queues "MSG <name> <text>\n" for
    //         everyone but the sender, and Leave(string name, Member member), which removes the name and
    //         queues "LEAVE <name>\n" for the others. Both inside the lock, and both only queue (Send):
    //         never send on a socket while holding the lock, or one slow client stops the whole room.
    //         Encode with Encoding.UTF8.GetBytes(text + "\n").
}

/// <summary>One connected client: a reader that frames its lines, and a writer that drains its own queue.</summary>
internal sealed class Member(Socket socket, Room room)
{
    private const int MaxLineBytes = 1024;
    private const int MaxQueuedBytes = 1024 * 1024;

    // Decoding that fails on invalid UTF-8 instead of quietly replacing it.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Socket _socket = socket;
    private readonly Room _room = room;
    private readonly Channel<byte[]> _outgoing = Channel.CreateUnbounded<byte[]>();

    /// <summary>Queues a line for this client. Never waits: a broadcast must not depend on how fast anyone reads.</summary>
    public void Send(byte[] line)
    {
        // TODO 6: Count the bytes queued (Interlocked.Add); past MaxQueuedBytes, disconnect this client
        //         (cancel a CancellationTokenSource that its reader uses) instead of queueing more.
        _outgoing.Writer.TryWrite(line);
    }

    public Task RunAsync(CancellationToken stopping)
    {
        // TODO 2: Start a writer task: `await foreach (var line in _outgoing.Reader.ReadAllAsync(...))`,
        //         sending each line in full. It is the only code that sends on this socket.
        //
        // TODO 3: Read lines. TCP delivers a stream: keep a byte[MaxLineBytes] buffer, receive into its free
        //         part, and handle every complete line in it (Array.IndexOf for '\n', drop a '\r' before it),
        //         keeping the rest for the next receive. A full buffer with no '\n' gets "ERR <reason>\n" and
        //         the close. 0 bytes means the client left.
        //         A line: decode it with StrictUtf8 (DecoderFallbackException: answer ERR, carry on). Before
        //         joining, only "NICK <name>" is allowed: a name is 1 to 16 letters, digits, _ or -
        //         (Rune.IsLetterOrDigit over name.EnumerateRunes()); answer ERR to anything else. After
        //         joining, a non-empty line goes to room.Say.
        //
        // TODO 7: However the client leaves (0 bytes, SocketException, dropped), leave the room in a finally
        //         block, complete the queue, let the writer finish, and close the socket.
        throw Todo.NotDone(2, "serve one member: a writer task, a line reader, and leaving the room");
    }
}
