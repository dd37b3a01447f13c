using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Tests;

/// <summary>How long a grading waits for what is due, learned from the program: the full wait until its first stall, less after.</summary>
public sealed class PatienceTests
{
    private static readonly TimeSpan Full = TimeSpan.FromSeconds(2);

    [Fact]
    public void Waits_the_full_time_while_the_program_has_not_stalled()
    {
        var patience = Patience.ForReplies(Full);
        patience.Came(TimeSpan.FromMilliseconds(3));
        patience.Ended("first");

        Assert.Equal(Full, patience.Next());
        Assert.Null(patience.FirstStall);
        Assert.False(patience.WaitedLess);
    }

    [Fact]
    public void After_a_stall_waits_four_times_the_slowest_reply_and_at_least_the_shortest_wait()
    {
        var patience = Patience.ForReplies(Full);
        patience.Came(TimeSpan.FromMilliseconds(10));
        patience.Stalled();

        // The check that stalled keeps its wait: it learns from the next check on
        Assert.Equal(Full, patience.Next());
        patience.Ended("stalled-here");
        Assert.Equal("stalled-here", patience.FirstStall);
        Assert.Equal(Patience.ShortestReply, patience.Next());
        Assert.True(patience.WaitedLess);

        patience.Came(TimeSpan.FromMilliseconds(300));
        Assert.Equal(TimeSpan.FromMilliseconds(1200), patience.Next());
        patience.Came(TimeSpan.FromSeconds(1));
        Assert.Equal(Full, patience.Next());
    }

    [Fact]
    public void Names_the_first_stall_only()
    {
        var patience = Patience.ForReplies(Full);
        patience.Stalled();
        patience.Ended("first");
        patience.Stalled();
        patience.Ended("second");

        Assert.Equal("first", patience.FirstStall);
    }

    [Fact]
    public void A_fixed_patience_never_waits_less()
    {
        var patience = Patience.Fixed(Full);
        patience.Stalled();
        patience.Ended("stalled");

        Assert.Equal(Full, patience.Next());
        Assert.Null(patience.FirstStall);
        Assert.False(patience.WaitedLess);
    }

    [Fact]
    public void A_check_run_alongside_others_teaches_how_promptly_replies_came_but_not_its_stall()
    {
        // Given a patience that has seen a stall, and a check run alongside others
        var patience = Patience.ForReplies(Full);
        patience.Stalled();
        patience.Ended("stalled-here");
        var alongside = patience.Alongside();

        // When that check sees a slow reply, then a stall of its own
        alongside.Came(TimeSpan.FromMilliseconds(400));
        alongside.Stalled();
        alongside.Ended("alongside");

        // Then it waited what the grading waits now; the slow reply is learned, the stall is not (it is run again alone)
        Assert.Equal(Patience.ShortestReply, alongside.Full);
        Assert.Equal(TimeSpan.FromMilliseconds(1600), patience.Next());
        Assert.Equal("stalled-here", patience.FirstStall);
        Assert.Null(alongside.FirstStall);
    }

    [Fact]
    public void A_stall_alongside_others_before_any_other_is_not_the_first()
    {
        var patience = Patience.ForReplies(Full);
        var alongside = patience.Alongside();
        alongside.Stalled();
        alongside.Ended("alongside");
        patience.Ended("the grading's own check");

        Assert.Null(patience.FirstStall);
        Assert.Equal(Full, patience.Next());
    }
}
