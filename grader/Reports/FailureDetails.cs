using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Reports;

/// <summary>What every report shows under a failed check, as lines each format indents or escapes its own way.</summary>
public static class FailureDetails
{
    /// <summary>
    /// Why it failed, the requirement it broke, and the mistake it shows (or the check's hint, when no mistake was
    /// recognised); for a check that could not be judged, why, and that this is no fault of the program's (a hint
    /// about the program would point the wrong way).
    /// </summary>
    public static IEnumerable<string> Explanation(CheckResult result) => result.Status == CheckStatus.Error
        ? [.. (result.Message ?? "").Split('\n'), Strings.ErrorNotYours]
        :
        [
            .. (result.Message ?? Strings.ConsoleFailed).Split('\n'),
            $"{Strings.ConsoleRequirement} docs/protocol.md {result.Info.Requirement}",
            .. result.Diagnosis is { } diagnosis ? Mistake(diagnosis) : [$"{Strings.ConsoleHint} {result.ShownHint}"],
        ];

    /// <summary>A recognised mistake: what it is, what showed it, and the fix.</summary>
    public static IEnumerable<string> Mistake(Diagnosis diagnosis) =>
    [
        $"{Strings.ConsoleMistake} {diagnosis.Mistake}",
        $"{Strings.ConsoleEvidence} {diagnosis.Evidence}",
        $"{Strings.ConsoleFix} {diagnosis.Fix}",
    ];

    /// <summary>The heading and the transcript, whole or its end where the failure is; nothing when there is none.</summary>
    public static IEnumerable<string> Transcript(CheckResult result, bool whole) =>
        result.Transcript.Count == 0
            ? []
            : [Strings.TranscriptHeading, .. (whole ? TranscriptText.All(result.Transcript) : TranscriptText.Tail(result.Transcript)).Select(l => "  " + l)];

    /// <summary>The first line of a message, for formats that show a message in one line.</summary>
    public static string FirstLine(string? message) => (message ?? "").Split('\n')[0];
}
