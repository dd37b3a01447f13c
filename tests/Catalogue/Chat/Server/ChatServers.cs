using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SocketExercises.Catalogue.Chat.Server;

/// <summary>
/// Chat servers by name. Each broken one is a correct server with one of the mistakes students make switched
/// on; the correct ones differ from the reference in how they are written (threads, a limit read the other way).
/// </summary>
public static class ChatServers
{
    /// <summary>The exercise these are programs of.</summary>
    public const string Exercise = "chat-server";

    private const string Accepts = "chat.accepts-connection";
    private const string NothingFirst = "chat.sends-nothing-first";
    private const string Joins = "chat.joins";
    private const string TakenName = "chat.refuses-taken-name";
    private const string InvalidName = "chat.refuses-invalid-name";
    private const string BeforeJoin = "chat.refuses-line-before-join";
    private const string AnnouncesJoin = "chat.announces-join";
    private const string ToOthers = "chat.delivers-to-others";
    private const string Utf8 = "chat.delivers-utf8";
    private const string InPieces = "chat.line-in-pieces";
    private const string OnePacket = "chat.lines-in-one-packet";
    private const string AnnouncesLeave = "chat.announces-leave";
    private const string InvalidUtf8 = "chat.refuses-invalid-utf8";
    private const string LongLine = "chat.refuses-long-line";
    private const string Order = "chat.order-under-load";
    private const string SlowReader = "chat.slow-reader-delays-no-one";
    private const string DropsSlow = "chat.drops-slow-reader";
    private const string Many = "chat.many-clients";
    private const string KeepsServing = "chat.keeps-serving";

    // Every check after the first two joins someone.
    private static readonly string[] AfterNothingFirst =
        [Joins, TakenName, InvalidName, BeforeJoin, AnnouncesJoin, ToOthers, Utf8, InPieces, OnePacket, AnnouncesLeave, InvalidUtf8, LongLine, Order, SlowReader, DropsSlow, Many, KeepsServing];

    public static IReadOnlyDictionary<string, ChatMistakes> All { get; } = new Dictionary<string, ChatMistakes>
    {
        // Broken.
        ["exits-at-start"] = new() { ExitsAtStart = true, MustFail = [Accepts] },
        // Every check reads the banner where it expects the answer to NICK, as every client of the protocol would.
        ["sends-banner"] = new() { Banner = "Welcome to the chat!", MustFail = [NothingFirst, .. AfterNothingFirst] },
        // Each read is taken for a line: pieces become several messages, a packet of lines one message.
        ["forwards-raw-reads"] = new() { OneReadIsOneLine = true, MustFail = [InPieces, OnePacket, Order, LongLine] },
        // Its own JOIN and its own lines come back to the sender too.
        ["sends-to-sender-too"] = new() { Diagnosis = "chat.sends-to-sender", SendsToSender = true, MustFail = [ToOthers, AnnouncesJoin, LongLine] },
        ["no-join-notice"] = new() { AnnouncesJoins = false, MustFail = [AnnouncesJoin] },
        ["no-leave-notice"] = new() { AnnouncesLeaves = false, MustFail = [AnnouncesLeave] },
        ["keeps-name-after-leave"] = new() { FreesNames = false, MustFail = [AnnouncesLeave] },
        // A list of members, not a set of names: two clients may share one.
        ["shares-names"] = new() { UniqueNames = false, MustFail = [TakenName] },
        ["closes-after-bad-name"] = new() { ClosesAfterBadName = true, MustFail = [TakenName, InvalidName] },
        ["accepts-any-name"] = new() { ValidName = _ => true, MustFail = [InvalidName] },
        // Letters, but only the English alphabet's: Đurđa cannot join.
        ["ascii-names-only"] = new() { ValidName = name => name.Length is > 0 and <= 16 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'), MustFail = [Joins, Utf8] },
        ["delivers-before-join"] = new() { DeliversBeforeJoin = true, MustFail = [BeforeJoin] },
        // Decoding turns every byte past 127 into ?: names with Croatian letters, Croatian text and invalid bytes alike.
        ["ascii-encoding"] = new() { Encoding = Encoding.ASCII, MustFail = [Utf8, Joins, InvalidUtf8] },
        ["forwards-invalid-utf8"] = new() { Encoding = Encoding.Latin1, MustFail = [InvalidUtf8, Utf8, Joins] },
        ["keeps-cr"] = new() { KeepsCr = true, MustFail = [OnePacket] },
        ["no-line-limit"] = new() { LineLimit = int.MaxValue, MustFail = [LongLine] },
        // Too small: a line of 1000 bytes is refused, the flood's lines too.
        ["line-limit-256"] = new() { LineLimit = 256, MustFail = [LongLine, SlowReader, DropsSlow] },
        // Sends to each receiver in turn and waits for each send: a member that does not read stops the room.
        ["awaits-each-receiver"] = new() { AwaitsEachReceiver = true, MustFail = [SlowReader, DropsSlow] },
        // A queue per member, but without a bound: a member who reads nothing costs the server memory without end.
        ["no-queue-limit"] = new() { NoQueueLimit = true, MustFail = [DropsSlow] },
        ["delivers-to-first-only"] = new() { DeliversToFirstOnly = true, MustFail = [ToOthers, AnnouncesJoin, SlowReader, DropsSlow, Many] },
        // A queue of 64 lines per receiver that drops what does not fit: a burst loses messages.
        // A reader's lines are dropped too whenever it falls 64 lines behind: always in the long floods, and in the
        // short one of drops-slow-reader (which ends once the silent member is dropped) when the grader reads slowly.
        ["drops-when-queue-full"] = new() { QueueLines = 64, MustFail = [Order, SlowReader], MayFail = [DropsSlow] },
        ["room-of-ten"] = new() { MaxMembers = 10, MustFail = [Many] },
        // A fixed array of places, never given back when a member leaves: the room fills up with the gone. Sized so
        // that it fills just as the last check joins, after the others' 139 members (change it when they change).
        ["never-frees-places"] = new() { MaxMembersEver = 139, MustFail = [KeepsServing] },

        // Correct.
        ["correct"] = new(),
        ["correct-threads"] = new() { Threads = true },
        // The other honest reading of "longer than 1024 bytes": it refuses once it holds more than 1024.
        ["correct-refuses-beyond-1024"] = new() { LineLimit = 1025 },
        // Tells of a member's leaving only after the next check has begun: its people must not be judged by it.
        ["correct-late-leave"] = new() { LeaveNoticeDelay = TimeSpan.FromMilliseconds(300) },
    };

    public static async Task<int> RunAsync(int port, ChatMistakes mistakes, CancellationToken stopping)
    {
        if (mistakes.ExitsAtStart)
        {
            await Console.Error.WriteLineAsync($"Cannot listen on port {port}: giving up.");
            return 1;
        }
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(Listening.Address, port));
        listener.Listen();
        var room = new CatalogueRoom(mistakes);
        while (!stopping.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            var member = new CatalogueMember(client, room, mistakes);
            if (mistakes.Threads)
            {
                new Thread(() => member.ServeAsync(stopping).GetAwaiter().GetResult()) { IsBackground = true }.Start();
            }
            else
            {
                _ = member.ServeAsync(stopping);
            }
        }
        return 0;
    }
}

/// <summary>What a catalogue chat server gets wrong; the defaults are a correct server.</summary>
public sealed record ChatMistakes
{
    /// <summary>The mistake the grader must name for it (a diagnosis id), on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks that must fail it, the one meant for its mistake first; none for a correct server.</summary>
    public string[] MustFail { get; init; } = [];

    /// <summary>Checks that may fail it too, by the machine's timing (<see cref="CatalogueProgram.MayFail"/>).</summary>
    public string[] MayFail { get; init; } = [];

    public bool ExitsAtStart { get; init; }

    public string? Banner { get; init; }

    public bool OneReadIsOneLine { get; init; }

    public bool SendsToSender { get; init; }

    public bool AnnouncesJoins { get; init; } = true;

    public bool AnnouncesLeaves { get; init; } = true;

    /// <summary>How long after a member leaves the others are told: a busy server may tell them late.</summary>
    public TimeSpan LeaveNoticeDelay { get; init; }

    public bool FreesNames { get; init; } = true;

    public bool UniqueNames { get; init; } = true;

    public bool ClosesAfterBadName { get; init; }

    public Func<string, bool> ValidName { get; init; } = name =>
        name.EnumerateRunes().Count() is > 0 and <= 16 && name.EnumerateRunes().All(r => Rune.IsLetterOrDigit(r) || r.Value is '_' or '-');

    public bool DeliversBeforeJoin { get; init; }

    /// <summary>How lines are decoded and encoded; strict UTF-8 by default.</summary>
    public Encoding Encoding { get; init; } = new UTF8Encoding(false, throwOnInvalidBytes: true);

    public bool KeepsCr { get; init; }

    /// <summary>How many bytes without a \n it holds before it refuses the line: the protocol's 1024 by default.</summary>
    public int LineLimit { get; init; } = 1024;

    public bool AwaitsEachReceiver { get; init; }

    public bool DeliversToFirstOnly { get; init; }

    /// <summary>How many lines a receiver's queue holds before it drops new ones; no bound but 1 MiB by default.</summary>
    public int QueueLines { get; init; } = int.MaxValue;

    public bool NoQueueLimit { get; init; }

    public int MaxMembers { get; init; } = int.MaxValue;

    /// <summary>How many may ever join, counting those who left.</summary>
    public int MaxMembersEver { get; init; } = int.MaxValue;

    /// <summary>Not a mistake: a thread per client and blocking calls instead of tasks.</summary>
    public bool Threads { get; init; }
}
