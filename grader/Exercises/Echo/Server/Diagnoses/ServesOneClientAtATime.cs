using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Echo.Server.Diagnoses;

/// <summary>
/// The server serves one client at a time: it handles a client (its echo loop, its login) inside the accept loop,
/// so a client connected after an idle one is accepted by the kernel and never read. Seen in the check that keeps
/// a first client idle: a later client got nothing back, the server still holding its connection open, while a
/// client on its own is served. For exercise 01's concurrency check, and the silent-client checks of exercises 02
/// and 04 (with the login-timeout check, which a server stuck on its first client also fails).
/// </summary>
/// <param name="exercise">The exercise's prefix: <c>echo</c>, <c>auth</c> or <c>challenge</c>.</param>
/// <param name="idleCheck">The check with an idle first client: <c>echo.concurrent-clients</c>.</param>
/// <param name="servedOneByOne">
/// Checks that show clients one after another are served (<c>echo.short-message</c>, <c>echo.second-client</c>):
/// a server that exits after its first client also leaves a later one unread, for another reason.
/// </param>
/// <param name="alsoExplains">Other checks whose failure the same mistake explains.</param>
public sealed class ServesOneClientAtATime(string exercise, string idleCheck, string[] servedOneByOne, params string[] alsoExplains) : IDiagnoser
{
    public string Id => $"{exercise}.one-client-at-a-time";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        if (failed.Info.Id != idleCheck && !alsoExplains.Contains(failed.Info.Id))
        {
            return null;
        }
        bool alone = servedOneByOne.All(id => report.Results.Any(r => r.Info.Id == id && r.Status == CheckStatus.Passed));
        var idle = report.Results.FirstOrDefault(r => r.Info.Id == idleCheck && r.Status == CheckStatus.Failed);
        return alone && idle is not null && Kept(idle) is var (waiting, first)
            ? new(Id, EchoTexts.DiagnosisOneAtATimeMistake,
                language.Choose(EchoTexts.DiagnosisOneAtATimeFix, EchoTexts.DiagnosisOneAtATimeFixPython),
                EchoTexts.FormatDiagnosisOneAtATimeEvidence(Sentences.Capitalized(waiting), first, string.Join(", ", servedOneByOne)))
            : null;
    }

    // A client that got nothing back, its connection still open, while the first client sat idle (it sent nothing).
    private static (string Waiting, string First)? Kept(CheckResult result)
    {
        var connections = ConnectionBytes.Of(result.Transcript);
        if (connections.Count < 2 || connections[0].Sent.Length > 0)
        {
            return null;
        }
        var waiting = connections.Skip(1).FirstOrDefault(c => c.Received.Length == 0 && c.Ended is null);
        return waiting is null ? null : (waiting.Party, connections[0].Party);
    }
}
