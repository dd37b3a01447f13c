using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Bench;

/// <summary>What the figures of a load run say about the server, in sentences for the student.</summary>
public static class BenchDiagnosis
{
    // Delayed ACK holds an acknowledgement for up to 40 ms on Linux (200 ms elsewhere): a round trip that waits for
    // one takes about that long, however fast the server's code is.
    private static readonly TimeSpan DelayedAckFrom = TimeSpan.FromMilliseconds(30);
    private static readonly TimeSpan DelayedAckTo = TimeSpan.FromMilliseconds(250);

    public static IReadOnlyList<string> Of(LoadResult result, int connections, int block)
    {
        var said = new List<string>();
        if (result.Refused > 0)
        {
            said.Add(Strings.FormatBenchRefused(result.Refused, connections, result.Refusal));
        }
        if (result.RoundTrips == 0 && result.Refused < connections) // a refused login is no failure to echo
        {
            said.Add(Strings.BenchNoRoundTrip);
        }
        else if (result.Percentile(50) is var median && median >= DelayedAckFrom && median <= DelayedAckTo && block > 1460)
        {
            said.Add(Strings.FormatBenchNagle(Durations.Format(median)));
        }
        if (result.Lost > 0)
        {
            said.Add(Strings.FormatBenchLost(result.Lost, connections));
        }
        return said;
    }
}
