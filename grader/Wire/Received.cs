using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Wire;

/// <summary>Why a receive stopped.</summary>
public enum ReceiveEnd
{
    /// <summary>All the bytes that were asked for arrived.</summary>
    Complete,

    /// <summary>The peer closed its sending side (a read returned 0 bytes).</summary>
    Closed,

    /// <summary>The peer reset the connection, or it broke.</summary>
    Reset,

    /// <summary>Nothing more arrived before the time allowed ran out.</summary>
    TimedOut,

    /// <summary>The peer sent more than the grader was prepared to read.</summary>
    LimitReached,
}

/// <summary>The bytes one receive collected, how it ended, and how long it was prepared to wait.</summary>
public sealed record Received(byte[] Data, ReceiveEnd End, TimeSpan Wait)
{
    /// <summary>How the end reads in a sentence: "the server closed the connection".</summary>
    public string DescribeEnd() => End switch
    {
        ReceiveEnd.Complete => Strings.EndComplete,
        ReceiveEnd.Closed => Strings.EndClosed,
        ReceiveEnd.Reset => Strings.EndReset,
        ReceiveEnd.TimedOut => Strings.FormatEndTimedOut(Durations.Format(Wait)),
        ReceiveEnd.LimitReached => Strings.FormatEndLimitReached(Counted.Bytes(Data.Length)),
        _ => End.ToString(),
    };
}
