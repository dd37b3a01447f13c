using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Transcripts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server echoes one receive's worth and closes the connection: what came back is a correct start of the
/// echo, and the server closed (or reset) the connection before the rest, although the client had not finished.
/// A client still sending a megabyte may get the reset before any echo, or before its send could say how much
/// went; that alone could be a crash, so it counts only where another check saw a correct start of the echo
/// and then the close.
/// </summary>
public sealed class ClosesAfterOneReceive : IDiagnoser
{
    public const string Id = "echo.closes-after-one-receive";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        // A server that died closed every connection it had: that is not closing after one receive.
        if (failed.Unreachable)
        {
            return null;
        }
        if (Echoed(failed) is { } evidence)
        {
            return Made(evidence, language);
        }
        bool seenElsewhere = report.Results.Any(r => r != failed && r.Status == CheckStatus.Failed && Echoed(r) is not null);
        return seenElsewhere && CutWhileSending(failed).FirstOrDefault() is { } stream
            ? Made(EchoTexts.FormatDiagnosisOneReceiveEvidenceWhileSending(Sentences.Capitalized(stream.Party)), language)
            : null;
    }

    private static Diagnosis Made(string evidence, ProgramLanguage language) =>
        new(Id, EchoTexts.DiagnosisOneReceiveMistake, language.Choose(EchoTexts.DiagnosisOneReceiveFix, EchoTexts.DiagnosisOneReceiveFixPython), evidence);

    private static string? Echoed(CheckResult result) => Closed(result).FirstOrDefault() is { } stream
        ? EchoTexts.FormatDiagnosisOneReceiveEvidence(Sentences.Capitalized(stream.Party), Counted.Bytes(stream.Sent.Length), Counted.Bytes(stream.Received.Length))
        : null;

    // Connections the server ended, by a close or a reset, while the check was not done with them: what came back
    // is right as far as it goes, and the check failed, so more was due (a check that sends a byte at a time stops
    // sending when the server closes). Closed with the client's bytes unread, a socket sends a reset, not a close.
    private static IEnumerable<ConnectionBytes> Closed(CheckResult result) => ConnectionBytes.Of(result.Transcript).Where(stream =>
        stream.Received.Length > 0
        && stream.Received.Length <= stream.Sent.Length
        && stream.FirstDifference() == stream.Received.Length
        && EndedByServer(stream));

    // Connections the server ended while the grader was still sending: a send that breaks on the reset does not
    // say how much of it went, so what came back cannot be compared, and nothing may have.
    private static IEnumerable<ConnectionBytes> CutWhileSending(CheckResult result) => ConnectionBytes.Of(result.Transcript).Where(stream =>
        (stream.Sent.Length == 0 || stream.Received.Length == 0) && EndedByServer(stream));

    private static bool EndedByServer(ConnectionBytes stream) =>
        stream.Ended is WireEventKind.PeerClosed or WireEventKind.PeerReset && !stream.GraderShutdown;
}
