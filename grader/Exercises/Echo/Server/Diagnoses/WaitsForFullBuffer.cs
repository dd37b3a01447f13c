using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server echoes only once its buffer is full: a short message gets no echo at all, while a megabyte, which
/// fills any buffer, comes back whole. Both halves are needed: a server that answers nothing also stalls, and one
/// that serves one client at a time stalls only where clients overlap (its short message comes back).
/// </summary>
public sealed class WaitsForFullBuffer : IDiagnoser
{
    public const string Id = "echo.waits-for-full-buffer";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        if (!Passed(report, "echo.large-payload") || !Failed(report, "echo.short-message"))
        {
            return null;
        }
        foreach (var stream in ConnectionBytes.Of(failed.Transcript))
        {
            bool nothingBack = stream.Sent.Length > 0 && stream.Received.Length == 0 && stream.Ended is null;
            var silence = failed.Transcript.LastOrDefault(e => e.Party == stream.Party && e.Kind == WireEventKind.Silence);
            if (nothingBack && silence?.Text is { } waited)
            {
                return new(Id, EchoTexts.DiagnosisFullBufferMistake, language.Choose(EchoTexts.DiagnosisFullBufferFix, EchoTexts.DiagnosisFullBufferFixPython), EchoTexts.FormatDiagnosisFullBufferEvidence(
                    Sentences.Capitalized(stream.Party), Counted.Bytes(stream.Sent.Length), waited));
            }
        }
        return null;
    }

    private static bool Passed(GradeReport report, string check) => report.Results.Any(r => r.Info.Id == check && r.Status == CheckStatus.Passed);

    private static bool Failed(GradeReport report, string check) => report.Results.Any(r => r.Info.Id == check && r.Status == CheckStatus.Failed);
}
