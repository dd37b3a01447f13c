using System.Globalization;

namespace SocketExercises.Grader.Sandbox;

/// <summary>Reads Linux's <c>/proc/net/tcp</c> and <c>tcp6</c> tables, as a container's own view of its sockets.</summary>
public static class ProcNetTcp
{
    private const string ListenState = "0A";

    /// <summary>Whether a line of <paramref name="table"/> is a socket listening on <paramref name="port"/>, on any address.</summary>
    public static bool Listens(string table, int port)
    {
        foreach (var line in table.Split('\n'))
        {
            // "  0: 00000000:FF98 00000000:0000 0A ...": slot, local address:port, remote address:port, state.
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4 || fields[3] != ListenState)
            {
                continue;
            }
            int colon = fields[1].LastIndexOf(':');
            if (colon > 0 && int.TryParse(fields[1].AsSpan(colon + 1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out int local) && local == port)
            {
                return true;
            }
        }
        return false;
    }
}
