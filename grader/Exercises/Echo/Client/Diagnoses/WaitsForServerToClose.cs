using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Client.Diagnoses;

/// <summary>
/// The client reads until the server closes (the habit of reading to the end of a file), while the server waits
/// for the client to finish: it got its whole echo and then neither closed nor exited, and was stopped.
/// </summary>
public sealed class WaitsForServerToClose : IDiagnoser
{
    public const string Id = "echo-client.waits-for-server-to-close";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        if (failed.Session is not { Connected: true, ExitedInTime: false, LeftProcessesRunning: false } session)
        {
            return null;
        }
        // The grader's side: what it received is the client's message, what it sent the whole echo of it.
        var played = ConnectionBytes.Of(failed.Transcript, Strings.PartyGrader);
        bool wholeEcho = played is { Received.Length: > 0 } && played.Sent.AsSpan().SequenceEqual(played.Received);
        return wholeEcho && played!.Ended is null
            ? new(Id, EchoTexts.DiagnosisWaitsForCloseMistake, language.Choose(EchoTexts.DiagnosisWaitsForCloseFix, EchoTexts.DiagnosisWaitsForCloseFixPython), EchoTexts.FormatDiagnosisWaitsForCloseEvidence(
                Counted.Bytes(played.Sent.Length), Durations.Format(session.ExitWait)))
            : null;
    }
}
