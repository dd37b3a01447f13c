using SocketExercises.Grader.Running;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks;

/// <summary>
/// Runs checks in their order, each within its own time limit and all within the grading budget, and turns every
/// outcome (a failure, a timeout, an unreachable server) into a <see cref="CheckResult"/>.
/// Checks run one after another so that each failure points at one behaviour: a server that serves one client
/// at a time fails the concurrency check, not every check that happened to overlap with another.
/// Neighbouring checks that <see cref="ICheck.RunsSideBySide">may run side by side</see> do so to save their waits,
/// without giving that up: only while every check before them has passed (an exercise puts its concurrency check
/// before them), and when several of them fail, each is run again on its own, and only that run counts. A correct
/// server is graded in the time of the longest of them; a broken one as it would be one check at a time.
/// </summary>
public sealed class CheckRunner(GradingOptions options, TimeProvider time, Payloads payloads, WireLimits limits)
{
    /// <param name="checks">The checks, in the order they run.</param>
    /// <param name="target">What they check.</param>
    /// <param name="revival">Brings the target back between checks, when it can; null when it cannot.</param>
    /// <param name="cancellationToken">Interrupts grading.</param>
    /// <param name="timeLimit">The limit for the whole grading; <see cref="GradingOptions.TotalTimeLimit"/> when null.</param>
    /// <param name="patience">How long each check waits for a reply; the full reply timeout throughout when null.</param>
    /// <param name="spent">What the grading spent of its limit before the checks: a started server's time to listen.</param>
    public async Task<IReadOnlyList<CheckResult>> RunAsync<TTarget>(
        IEnumerable<ICheck<TTarget>> checks, TTarget target, IRevival? revival, CancellationToken cancellationToken,
        TimeSpan? timeLimit = null, Patience? patience = null, TimeSpan spent = default)
    {
        var budget = new Budget(time, timeLimit ?? options.TotalTimeLimit, options.RevivalTimeLimit, spent);
        var grading = new Grading<TTarget>(this, options.Points, target, revival, budget, patience ?? Patience.Fixed(limits.ReplyTimeout), cancellationToken);
        var all = checks.ToList();
        var results = new List<CheckResult>(all.Count);
        for (int next = 0; next < all.Count;)
        {
            int together = all.Skip(next).TakeWhile(check => check.RunsSideBySide).Count();
            if (together > 1 && results.All(r => r.Status is CheckStatus.Passed or CheckStatus.Skipped))
            {
                var group = all.GetRange(next, together);
                var alongside = await grading.SideBySideAsync(group);
                for (int i = 0; i < group.Count; i++)
                {
                    results.Add(alongside[i] ?? await grading.InTurnAsync(group[i]));
                }
                next += together;
            }
            else
            {
                results.Add(await grading.InTurnAsync(all[next]));
                next++;
            }
        }
        return results;
    }

    // One grading's course: what the checks so far left for the ones after them.
    private sealed class Grading<TTarget>(
        CheckRunner runner, PointsTable points, TTarget target, IRevival? revival, Budget budget, Patience patience, CancellationToken cancellationToken)
    {
        private string? _skipReason;
        private string? _notGraded; // the grader's own trouble, which every check after it would meet too
        private CheckInfo? _last;
        private bool _anyPassed;

        public async Task<CheckResult> InTurnAsync(ICheck<TTarget> check)
        {
            await ReadyAsync();
            int worth = points.For(check.Info.Id);
            if (_notGraded is not null)
            {
                return new CheckResult(check.Info, CheckStatus.Error, TimeSpan.Zero, _notGraded) { Points = worth };
            }
            if (_skipReason is not null)
            {
                return new CheckResult(check.Info, CheckStatus.Skipped, TimeSpan.Zero, _skipReason) { Points = worth };
            }

            var (result, environment, blocks) = await runner.RunOneAsync(
                check, target, Limit(check), _anyPassed, patience, cancellationToken);
            patience.Ended(check.Info.Id);
            Ran(check, result);
            if (blocks)
            {
                _skipReason = Strings.FormatSkippedPrerequisite(check.Info.Id);
            }
            else if (result.Status == CheckStatus.Error && environment)
            {
                _notGraded = Strings.FormatNotGradedAfterError(check.Info.Id, result.Message);
            }
            else if (result.Unreachable && !await RevivedAsync(check.Info))
            {
                // Everything after this would fail the same way: say it once, here, and skip the rest.
                _skipReason = Strings.FormatSkippedUnreachable(check.Info.Id);
            }
            return result with { Points = worth };
        }

        /// <summary>
        /// Runs the checks at once, each waiting for replies as the grading does now. Where one fails and the rest
        /// pass, its failure is its own: it stands, as if the check had run in turn. Where several fail, any of them
        /// may be the others' doing (one broke the server, or kept it busy): each is run again on its own (null here),
        /// and that run counts. A stall is learned only from a failure that stands.
        /// </summary>
        public async Task<CheckResult?[]> SideBySideAsync(List<ICheck<TTarget>> checks)
        {
            var kept = new CheckResult?[checks.Count];
            if (!await ReadyAsync())
            {
                return kept;
            }
            var waits = checks.Select(_ => patience.Alongside()).ToArray();
            var outcomes = await Task.WhenAll(checks.Select((check, i) =>
                runner.RunOneAsync(check, target, Limit(check), _anyPassed, waits[i], cancellationToken, sideBySide: true)));
            bool alone = outcomes.Count(o => !Judged(o.Result)) == 1;
            for (int i = 0; i < checks.Count; i++)
            {
                var (result, environment, blocks) = outcomes[i];
                if (Judged(result) || (alone && !result.Unreachable && !environment && !blocks))
                {
                    patience.Adopt(waits[i], checks[i].Info.Id);
                    Ran(checks[i], result);
                    kept[i] = result with { Points = points.For(checks[i].Info.Id) };
                }
            }
            return kept;
        }

        // Passed, or found not to apply: nothing another check could have caused.
        private static bool Judged(CheckResult result) => result.Status is CheckStatus.Passed or CheckStatus.Skipped;

        // Whether the next check may run: not out of time, and the target brought back if it had to be.
        private async Task<bool> ReadyAsync()
        {
            _skipReason ??= OutOfTime(budget);
            if (_skipReason is null && _last is not null && revival is not null)
            {
                var last = _last;
                if (await budget.ReviveAsync(token => revival.ReviveAsync(last, unreachable: false, token), cancellationToken) == Revival.Failed)
                {
                    _skipReason = Strings.SkippedNotRestarted;
                }
                cancellationToken.ThrowIfCancellationRequested();
                _skipReason ??= OutOfTime(budget);
            }
            return _skipReason is null && _notGraded is null;
        }

        private TimeSpan Limit(ICheck check)
        {
            var remaining = budget.Remaining;
            return check.TimeLimit < remaining ? check.TimeLimit : remaining;
        }

        private void Ran(ICheck check, CheckResult result)
        {
            _last = check.Info;
            _anyPassed |= result.Status == CheckStatus.Passed;
        }

        private async Task<bool> RevivedAsync(CheckInfo failed) =>
            revival is not null && budget.Remaining > TimeSpan.Zero
            && await budget.ReviveAsync(token => revival.ReviveAsync(failed, unreachable: true, token), cancellationToken) == Revival.Restarted;
    }

    private static string? OutOfTime(Budget budget) => budget.Remaining > TimeSpan.Zero
        ? null
        : Strings.FormatSkippedOutOfTime(Durations.Format(budget.Checks));

    // A grading's time. Its checks spend the budget; starting an exited server again is the grader's doing and
    // spends an allowance of its own, so that a slow start (a busy machine, a container) costs the student no
    // checks, while a server that exits after every client still cannot stretch its grading without bound.
    private sealed class Budget(TimeProvider time, TimeSpan checks, TimeSpan revivals, TimeSpan spent)
    {
        private readonly long _started = time.GetTimestamp();
        private TimeSpan _reviving;

        public TimeSpan Checks => checks;

        public TimeSpan Remaining => checks - spent - (time.GetElapsedTime(_started) - _reviving);

        public async Task<Revival> ReviveAsync(Func<CancellationToken, Task<Revival>> revive, CancellationToken cancellationToken)
        {
            long started = time.GetTimestamp();
            try
            {
                using var deadline = Deadline.After(revivals - _reviving, time, cancellationToken);
                return await revive(deadline.Token);
            }
            finally
            {
                _reviving += time.GetElapsedTime(started);
            }
        }
    }

    // The result says whether the target could not be reached at all (CheckResult.Unreachable). Environment: the
    // grader could not do its part. Blocks: the target lacks what every later check needs.
    private async Task<(CheckResult Result, bool Environment, bool Blocks)> RunOneAsync<TTarget>(
        ICheck<TTarget> check, TTarget target, TimeSpan limit, bool anyPassed, Patience patience, CancellationToken cancellationToken,
        bool sideBySide = false)
    {
        var transcript = new Transcript(time);
        long started = time.GetTimestamp();
        using var deadline = Deadline.After(limit, time, cancellationToken);
        var context = new CheckContext(payloads, time, limits with { ReplyTimeout = patience.Next() }, transcript, patience, deadline.Token)
        {
            SideBySide = sideBySide,
        };
        CheckResult Ended(CheckStatus status, string? message) =>
            new(check.Info, status, time.GetElapsedTime(started), message) { Transcript = transcript.Events, Session = context.Session };
        CheckResult Failed(string message) => Ended(CheckStatus.Failed, message);
        CheckResult NotJudged(string message) => Ended(CheckStatus.Error, message);

        try
        {
            await check.RunAsync(target, context);
            return (Ended(CheckStatus.Passed, null), false, false);
        }
        catch (CheckFailedException e)
        {
            return (Failed(e.Message) with { Hint = e.Hint }, false, false);
        }
        catch (PrerequisiteMissingException e)
        {
            return (Failed(e.Message), false, true);
        }
        catch (CheckNotApplicableException e)
        {
            return (Ended(CheckStatus.Skipped, Strings.FormatSkippedNotApplicable(e.Message)), false, false);
        }
        catch (WireException e)
        {
            return (Failed(e.Message), false, false);
        }
        catch (ServerUnreachableException e)
        {
            string after = anyPassed
                ? Strings.UnreachableAfterPass
                : Strings.UnreachableHint;
            return (Failed($"{e.Message}\n{after}") with { Unreachable = true }, false, false);
        }
        catch (TargetUnreachableException e)
        {
            return (Failed(e.Message) with { Unreachable = true }, false, false);
        }
        catch (OperationCanceledException) when (deadline.Expired)
        {
            return (Failed(Strings.FormatCheckTimedOut(Durations.Format(limit))), false, false);
        }
        catch (GraderEnvironmentException e)
        {
            return (NotJudged(e.Message), true, false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A grader must report, never crash, whatever a server does to it; an exception it did not expect
            // is its own trouble, not the program's.
            return (NotJudged(Strings.FormatCheckUnexpected(e.GetType().Name, e.Message)), false, false);
        }
    }
}
