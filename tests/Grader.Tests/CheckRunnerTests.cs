using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Tests;

/// <summary>The runner's rules, with checks that need no network and a clock the test moves.</summary>
public sealed class CheckRunnerTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Reports_an_unreachable_target_once_and_skips_the_checks_after_it()
    {
        // Given the second check cannot reach its target
        var checks = new[] { Passing("a"), Unreachable("b"), Passing("c"), Passing("d") };

        // When the checks run
        var results = await Runner().RunAsync(checks, new object(), revival: null, CancellationToken.None);

        // Then it fails once, and the rest are skipped with a reason that names it
        Assert.Equal([CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Skipped, CheckStatus.Skipped], results.Select(r => r.Status));
        Assert.All(results.Skip(2), r => Assert.Contains("(see b)", r.Message));
    }

    [Fact]
    public async Task Runs_on_after_an_unreachable_target_is_brought_back()
    {
        var checks = new[] { Passing("a"), Unreachable("b"), Passing("c") };
        var revival = new CountingRevival(Revival.Restarted);

        var results = await Runner().RunAsync(checks, new object(), revival, CancellationToken.None);

        Assert.Equal([CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed], results.Select(r => r.Status));
        Assert.Contains(("b", true), revival.Calls);
    }

    [Fact]
    public async Task Skips_the_checks_that_would_start_after_the_grading_budget()
    {
        // Given checks that take 8 s each and a budget of 20 s
        var checks = Enumerable.Range(1, 4).Select(i => Taking($"c{i}", TimeSpan.FromSeconds(8))).ToArray();
        var options = new GradingOptions { TotalTimeLimit = TimeSpan.FromSeconds(20), Points = FakePoints };

        var results = await Runner(options).RunAsync(checks, new object(), revival: null, CancellationToken.None);

        // Then three start (the third with only 4 s left) and the fourth is skipped, saying why
        Assert.Equal([CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Skipped], results.Select(r => r.Status));
        Assert.Contains("grading stops after 20 s", results[3].Message);
    }

    [Fact]
    public async Task The_time_a_started_server_took_to_listen_is_spent_from_the_budget()
    {
        // Given checks that take 8 s each, a budget of 20 s, and a server that ran its own code for 5 s before it listened
        var checks = Enumerable.Range(1, 4).Select(i => Taking($"c{i}", TimeSpan.FromSeconds(8))).ToArray();
        var options = new GradingOptions { TotalTimeLimit = TimeSpan.FromSeconds(20), Points = FakePoints };

        var results = await Runner(options).RunAsync(checks, new object(), revival: null, CancellationToken.None, spent: TimeSpan.FromSeconds(5));

        // Then two start (the second with 7 s left, and it outlives them), and the rest are skipped: the grading
        // had 20 s in all, its start counted
        Assert.Equal(CheckStatus.Passed, results[0].Status);
        Assert.Equal([CheckStatus.Skipped, CheckStatus.Skipped], results.Skip(2).Select(r => r.Status));
        Assert.Contains("grading stops after 20 s", results[3].Message);
    }

    [Fact]
    public async Task Time_spent_starting_the_server_again_does_not_count_against_the_checks_budget()
    {
        // Given a server that exits after every check and takes 3 s to start again, four checks of 4 s, a budget of 20 s
        var checks = Enumerable.Range(1, 4).Select(i => Taking($"c{i}", TimeSpan.FromSeconds(4))).ToArray();
        var options = new GradingOptions { TotalTimeLimit = TimeSpan.FromSeconds(20), Points = FakePoints };
        var revival = new SlowRevival(_time, TimeSpan.FromSeconds(3));

        var results = await Runner(options).RunAsync(checks, new object(), revival, CancellationToken.None);

        // Then every check runs: 16 s of checks, and the 9 s of starting again are the grader's
        Assert.All(results, r => Assert.Equal(CheckStatus.Passed, r.Status));
        Assert.Equal(3, revival.Starts);
    }

    [Fact]
    public async Task Starting_the_server_again_has_an_allowance_of_its_own()
    {
        // Given a server that takes 8 s to start again after every check, and 20 s for starting again in all
        var checks = Enumerable.Range(1, 5).Select(i => Taking($"c{i}", TimeSpan.FromSeconds(1))).ToArray();
        var options = new GradingOptions { RevivalTimeLimit = TimeSpan.FromSeconds(20), Points = FakePoints };
        var revival = new SlowRevival(_time, TimeSpan.FromSeconds(8));

        var results = await Runner(options).RunAsync(checks, new object(), revival, CancellationToken.None);

        // Then two starts fit, the third is cut off, and the checks after it are skipped, saying why
        Assert.Equal([CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Skipped, CheckStatus.Skipped], results.Select(r => r.Status));
        Assert.Equal(Strings.SkippedNotRestarted, results[3].Message);
    }

    [Fact]
    public async Task Fails_a_check_that_outlives_its_time_limit()
    {
        var check = new FakeCheck("slow", TimeSpan.FromSeconds(3), async token =>
        {
            _time.Advance(TimeSpan.FromSeconds(4));
            await Task.Delay(Timeout.Infinite, token);
        });

        var result = Assert.Single(await Runner().RunAsync([check], new object(), revival: null, CancellationToken.None));

        Assert.Equal(CheckStatus.Failed, result.Status);
        Assert.Equal("The check did not finish within its limit of 3 s.", result.Message);
    }

    [Fact]
    public async Task Reports_an_unexpected_exception_as_the_graders_error_instead_of_crashing()
    {
        var check = new FakeCheck("broken", TimeSpan.FromSeconds(3), _ => throw new InvalidDataException("odd bytes"));

        var result = Assert.Single(await Runner().RunAsync([check], new object(), revival: null, CancellationToken.None));

        Assert.Equal(CheckStatus.Error, result.Status);
        Assert.Contains("InvalidDataException", result.Message);
        Assert.Equal(0, result.Earned);
    }

    [Fact]
    public async Task Marks_every_check_after_the_graders_own_trouble_as_not_graded_rather_than_failed()
    {
        // Given the grader cannot start the program for the second check (no image, no shell)
        var checks = new[] { Passing("a"), new FakeCheck("b", TimeSpan.FromSeconds(5), _ => throw new GraderEnvironmentException("No such image.")), Passing("c") };

        // When the checks run
        var results = await Runner().RunAsync(checks, new object(), revival: null, CancellationToken.None);

        // Then that check and every one after it are errors that say why, and none is a failure
        Assert.Equal([CheckStatus.Passed, CheckStatus.Error, CheckStatus.Error], results.Select(r => r.Status));
        Assert.Equal("No such image.", results[1].Message);
        Assert.Equal("Not graded, as b could not be: No such image.", results[2].Message);
    }

    [Fact]
    public async Task Skips_the_rest_when_the_target_cannot_be_brought_back()
    {
        var checks = new[] { Passing("a"), Passing("b"), Passing("c") };

        var results = await Runner().RunAsync(checks, new object(), new CountingRevival(Revival.Failed), CancellationToken.None);

        Assert.Equal([CheckStatus.Passed, CheckStatus.Skipped, CheckStatus.Skipped], results.Select(r => r.Status));
        Assert.Contains("could not be started again", results[1].Message);
    }

    [Fact]
    public async Task Gives_each_result_the_points_of_its_check_earned_only_if_it_passed()
    {
        var checks = new[] { Passing("a"), Unreachable("b") };
        var options = new GradingOptions { Points = PointsTable.Of([new("a", 3), new("b", 2)]) };

        var results = await Runner(options).RunAsync(checks, new object(), revival: null, CancellationToken.None);

        Assert.Equal([(3, 3), (2, 0)], results.Select(r => (r.Points, r.Earned)));
    }

    [Fact]
    public async Task Runs_neighbouring_side_by_side_checks_at_once_while_every_check_before_them_passed()
    {
        // Given three side-by-side checks that each pass only once all three have started
        var meeting = new Meeting(3);
        var checks = new[] { Passing("a"), meeting.Check("b"), meeting.Check("c"), meeting.Check("d") };

        // When the checks run (bounded: run one at a time, the first would wait for the others for ever)
        var results = await Runner().RunAsync(checks, new object(), revival: null, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then all pass: they ran at once, each once, reported in their order
        Assert.All(results, r => Assert.Equal(CheckStatus.Passed, r.Status));
        Assert.Equal(["a", "b", "c", "d"], results.Select(r => r.Info.Id));
        Assert.Equal(3, meeting.Runs);
    }

    [Fact]
    public async Task Runs_side_by_side_checks_one_at_a_time_after_a_check_failed()
    {
        // Given a failing check before three side-by-side checks
        var counter = new InFlight();
        var checks = new[] { Failing("a"), counter.Check("b"), counter.Check("c"), counter.Check("d") };

        var results = await Runner().RunAsync(checks, new object(), revival: null, CancellationToken.None);

        // Then they run one at a time: the failure may be a server that serves one client at a time
        Assert.Equal([CheckStatus.Failed, CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Passed], results.Select(r => r.Status));
        Assert.Equal(1, counter.Most);
    }

    [Fact]
    public async Task A_check_that_fails_alongside_others_is_run_again_alone_and_that_run_counts()
    {
        // Given side-by-side checks: one fails on its first run only (another check upset the server), one always:
        // with two failures, either may be the other's doing
        var meeting = new Meeting(3);
        var upset = meeting.Check("b", fails: run => run == 1);
        var broken = meeting.Check("c", fails: _ => true);
        var fine = meeting.Check("d");

        var results = await Runner().RunAsync([Passing("a"), upset, broken, fine], new object(), revival: null, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then the first passes on its second run, alone; the second fails there too, with its own message; the third ran once
        Assert.Equal([CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed], results.Select(r => r.Status));
        Assert.Equal("c failed.", results[2].Message);
        Assert.Equal((2, 2, 1), (meeting.RunsOf("b"), meeting.RunsOf("c"), meeting.RunsOf("d")));
    }

    [Fact]
    public async Task A_lone_failure_among_side_by_side_checks_stands_without_a_second_run()
    {
        // Given side-by-side checks of which one fails on its first run, and the others pass
        var meeting = new Meeting(3);
        var checks = new[] { Passing("a"), meeting.Check("b"), meeting.Check("c", fails: run => run == 1), meeting.Check("d") };

        var results = await Runner().RunAsync(checks, new object(), revival: null, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then its failure is its own: nothing else failed that could have caused it, and it is not run again
        Assert.Equal([CheckStatus.Passed, CheckStatus.Passed, CheckStatus.Failed, CheckStatus.Passed], results.Select(r => r.Status));
        Assert.Equal(1, meeting.RunsOf("c"));
    }

    // Every fake check is worth a point unless a test says otherwise.
    private static readonly PointsTable FakePoints =
        PointsTable.Of(new[] { "a", "b", "c", "d", "broken", "slow", "c1", "c2", "c3", "c4", "c5" }.Select(id => new KeyValuePair<string, int>(id, 1)));

    private CheckRunner Runner(GradingOptions? options = null)
    {
        options ??= new GradingOptions { Points = FakePoints };
        return new(options, _time, new Payloads(options), new WireLimits());
    }

    private static FakeCheck Passing(string id) => new(id, TimeSpan.FromSeconds(5), _ => Task.CompletedTask);

    private static FakeCheck Failing(string id) =>
        new(id, TimeSpan.FromSeconds(5), _ => throw new CheckFailedException($"{id} failed."));

    private static FakeCheck Unreachable(string id) =>
        new(id, TimeSpan.FromSeconds(5), _ => throw new TargetUnreachableException($"{id} found nobody."));

    private FakeCheck Taking(string id, TimeSpan duration) => new(id, TimeSpan.FromSeconds(10), _ =>
    {
        _time.Advance(duration);
        return Task.CompletedTask;
    });

    private sealed class FakeCheck(string id, TimeSpan limit, Func<CancellationToken, Task> run) : ICheck<object>
    {
        public CheckInfo Info { get; } = new(id, "§0", Strings.ResourceManager);

        public TimeSpan TimeLimit => limit;

        public bool RunsSideBySide { get; init; }

        public Task RunAsync(object target, CheckContext context) => run(context.Cancellation);
    }

    // Side-by-side checks that each wait until all of them have started: run one at a time, the first would wait for
    // the others until its limit, which the fake clock never reaches.
    private sealed class Meeting(int expected)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ConcurrentDictionary<string, int> _runs = [];
        private int _started;

        public int Runs => _runs.Values.Sum();

        public int RunsOf(string id) => _runs[id];

        /// <param name="fails">Whether the check fails on its n-th run, counted from 1.</param>
        public FakeCheck Check(string id, Func<int, bool>? fails = null) => new(id, TimeSpan.FromSeconds(5), async token =>
        {
            int run = _runs.AddOrUpdate(id, 1, (_, runs) => runs + 1);
            if (Interlocked.Increment(ref _started) == expected)
            {
                _all.SetResult();
            }
            await _all.Task.WaitAsync(token);
            if (fails?.Invoke(run) == true)
            {
                throw new CheckFailedException($"{id} failed.");
            }
        })
        { RunsSideBySide = true };
    }

    // Side-by-side checks that count how many of them run at once.
    private sealed class InFlight
    {
        private int _now;
        private int _most;

        public int Most => _most;

        public FakeCheck Check(string id) => new(id, TimeSpan.FromSeconds(5), async _ =>
        {
            int now = Interlocked.Increment(ref _now);
            InterlockedMax(ref _most, now);
            await Task.Yield();
            Interlocked.Decrement(ref _now);
        })
        { RunsSideBySide = true };

        private static void InterlockedMax(ref int most, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref most)) < value && Interlocked.CompareExchange(ref most, value, seen) != seen)
            {
            }
        }
    }

    // A server that exits after every check and takes a while to start again; past its deadline, it fails to.
    private sealed class SlowRevival(FakeTimeProvider time, TimeSpan start) : IRevival
    {
        public int Starts { get; private set; }

        public Task<Revival> ReviveAsync(CheckInfo afterCheck, bool unreachable, CancellationToken cancellationToken)
        {
            time.Advance(start);
            if (cancellationToken.IsCancellationRequested)
            {
                return Task.FromResult(Revival.Failed);
            }
            Starts++;
            return Task.FromResult(Revival.Restarted);
        }
    }

    private sealed class CountingRevival(Revival answer) : IRevival
    {
        public List<(string Check, bool Unreachable)> Calls { get; } = [];

        public Task<Revival> ReviveAsync(CheckInfo afterCheck, bool unreachable, CancellationToken cancellationToken)
        {
            Calls.Add((afterCheck.Id, unreachable));
            // Asked between checks with nothing wrong, a healthy target needs nothing.
            return Task.FromResult(unreachable || answer == Revival.Failed ? answer : Revival.NotNeeded);
        }
    }
}
