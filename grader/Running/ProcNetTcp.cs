using System.Globalization;
using System.Net;

namespace SocketExercises.Grader.Running;

/// <summary>
/// Reads Linux's <c>/proc/net/tcp</c> and <c>tcp6</c> tables: which sockets listen, where, and which socket
/// (its inode) each is, so that a listening socket can be traced to the process that holds it.
/// </summary>
public static class ProcNetTcp
{
    private const string ListenState = "0A";

    /// <summary>Whether a line of <paramref name="table"/> is a socket listening on <paramref name="port"/>, on any address.</summary>
    public static bool Listens(string table, int port) => Listening(table).Any(s => s.Endpoint.Port == port);

    /// <summary>The listening sockets of <paramref name="table"/>: where each listens, and its inode.</summary>
    public static IEnumerable<(IPEndPoint Endpoint, long Inode)> Listening(string table)
    {
        foreach (var line in table.Split('\n'))
        {
            // "  0: 0100007F:FF98 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000  0 4242 …":
            // slot, local address:port, remote address:port, state, queues, timer, retransmits, uid, timeout, inode.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 10 || fields[3] != ListenState)
            {
                continue;
            }
            int colon = fields[1].LastIndexOf(':');
            if (colon > 0
                && int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int port)
                && Address(fields[1][..colon]) is { } address)
            {
                yield return (new IPEndPoint(address, port), long.TryParse(fields[9], CultureInfo.InvariantCulture, out long inode) ? inode : -1);
            }
        }
    }

    // The kernel writes each 32-bit word of the address in the machine's byte order: little-endian here.
    private static IPAddress? Address(string hex)
    {
        if (hex.Length is not (8 or 32))
        {
            return null;
        }
        var bytes = new byte[hex.Length / 2];
        for (int word = 0; word < bytes.Length / 4; word++)
        {
            for (int i = 0; i < 4; i++)
            {
                if (!byte.TryParse(hex.AsSpan((word * 4 + i) * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out byte value))
                {
                    return null;
                }
                bytes[word * 4 + (BitConverter.IsLittleEndian ? 3 - i : i)] = value;
            }
        }
        return new IPAddress(bytes);
    }
}
