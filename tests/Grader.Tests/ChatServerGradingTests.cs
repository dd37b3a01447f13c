using SocketExercises.Grader.Checks;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

/// <summary>What the grader says of a chat server that fails a member who reads while another does not.</summary>
public sealed class ChatServerGradingTests
{
    private const string SlowReader = "chat.slow-reader-delays-no-one";

    [Fact]
    public async Task Says_the_server_dropped_lines_meant_for_a_member_who_reads()
    {
        // Given a server that drops a member's lines whenever 64 wait for that member, reading or not
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.Catalogue("chat-server", "drops-when-queue-full"));

        // Then the flood's numbered lines show which went missing: it dropped them, it did not hold the reader up
        var failed = Assert.Single(report.Results, r => r.Info.Id == SlowReader);
        Assert.Equal(CheckStatus.Failed, failed.Status);
        Assert.Matches(@"got message number (\d+) where (\d+) was next: while Cilka-16 read nothing, the server dropped \d+ message", failed.Message);
        // And the hint is about discarding lines, not about awaiting each receiver in turn
        Assert.Contains("a queue that discards what does not fit", failed.ShownHint);
    }

    [Fact]
    public async Task Says_the_server_held_up_a_member_who_reads_when_nothing_was_dropped()
    {
        // Given a server that sends to each member in turn, waiting for each send to finish
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.Catalogue("chat-server", "awaits-each-receiver"));

        // Then the reader waited in vain: the server let the silent member hold it up
        var failed = Assert.Single(report.Results, r => r.Info.Id == SlowReader);
        Assert.Equal(CheckStatus.Failed, failed.Status);
        Assert.Contains("the server let one member that does not read hold up another", failed.Message);
        Assert.Equal(failed.Info.Hint, failed.ShownHint);
    }
}
