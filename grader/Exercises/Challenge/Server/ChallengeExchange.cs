using System.Text;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Chat;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Exercises.Challenge.Server;

/// <summary>The exchanges the challenge checks are made of, each failing with a message that shows the bytes.</summary>
internal static class ChallengeExchange
{
    private const int MaxLine = 1024;

    /// <summary>
    /// Reads the server's first line, which it must send unasked, and returns the nonce in it exactly as sent
    /// (its form is judged by a check of its own; the MAC is computed over whatever came).
    /// </summary>
    /// <param name="first">
    /// This is the grader's first contact, so a server that sends nothing sends nothing to any check: the later
    /// checks are skipped (<see cref="PrerequisiteMissingException"/>). Later, silence has other causes, such as
    /// a server busy with another client, and fails only its check.
    /// </param>
    public static async Task<string> ReadChallengeAsync(WireConnection connection, CheckContext context, bool first = false)
    {
        var lines = new LineReader(connection, context.Time, MaxLine);
        long asked = context.Time.GetTimestamp();
        var line = await lines.ReadLineAsync(context.Limits.ReplyTimeout, context.Cancellation);
        var waited = context.Time.GetElapsedTime(asked);
        if (line.Bytes is not { } bytes)
        {
            if (line.Partial.Length == 0 && line.End == ReceiveEnd.TimedOut)
            {
                string nothing = ChallengeTexts.FormatChallengeNothing(Durations.Format(context.Limits.ReplyTimeout), "§27");
                // Without a challenge there is nothing to answer: every check after this one would wait as long, and fail alike.
                throw first ? new PrerequisiteMissingException(nothing) : new CheckFailedException(nothing);
            }
            throw new CheckFailedException(ChallengeTexts.FormatChallengeNoLine(line.Describe()));
        }
        string text = Encoding.UTF8.GetString(bytes).TrimEnd('\n').TrimEnd('\r');
        if (!text.StartsWith(ChallengeServerTarget.ChallengeStart, StringComparison.Ordinal))
        {
            throw new CheckFailedException(ChallengeTexts.FormatChallengeNotALine(ByteText.Quote(bytes, 96)));
        }
        if (lines.Pending.Count > 0)
        {
            // A late challenge and a refusal behind it: the server read first, and gave up on the client. Every
            // later check would meet the same.
            string late = waited > context.Limits.QuietPeriod ? ChallengeTexts.FormatChallengeLate(Durations.Format(waited)) : "";
            string more = late + ChallengeTexts.FormatChallengeMoreAfter(ByteText.Quote(lines.Pending.Peek(), 96));
            throw first ? new PrerequisiteMissingException(more) : new CheckFailedException(more);
        }
        return text[ChallengeServerTarget.ChallengeStart.Length..];
    }

    /// <summary>Connects, reads the challenge, sends the line <paramref name="answer"/> makes of its nonce, and expects the refusal.</summary>
    public static async Task ExpectRefusedAsync(
        ChallengeServerTarget target, Func<string, byte[]> answer, Func<byte[], string> what, CheckContext context)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, context);
        string nonce = await ReadChallengeAsync(client, context);
        byte[] line = answer(nonce);
        await client.SendAsync(line, context.Cancellation);
        await AuthExchange.ExpectRefusalAsync(client, what(line), context.Cancellation);
    }

    /// <summary>How the right login reads in a message.</summary>
    public static string WhatRightMac(byte[] line, string nonce) => ChallengeTexts.FormatWhatRightMac(AuthExchange.Show(line), nonce);
}
