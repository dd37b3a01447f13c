using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Diagnoses;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Exercises.Auth.Server.Diagnoses;

/// <summary>
/// The server checks a password written in its code, not the one it is given: it refuses logins made with the
/// password the grader handed it, and, started with none, it listens anyway. Either alone could be another
/// mistake (a wrong comparison; a missing check of the setting); together they are this one. For exercise 02 and,
/// with its own ids, exercise 04.
/// </summary>
/// <param name="exercise">The exercise's prefix: <c>auth</c> or <c>challenge</c>.</param>
public sealed class UsesOwnPassword(string exercise) : IDiagnoser
{
    public string Id => $"{exercise}.uses-own-password";

    private string RequiresPassword => $"{exercise}.requires-password";

    public Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language)
    {
        bool listenedWithout = report.Results.Any(r =>
            r.Info.Id == RequiresPassword && r.Status == CheckStatus.Failed && r.Message == AuthTexts.AuthNoPasswordListened);
        var refusal = report.Results.Where(r => r.Status == CheckStatus.Failed).Select(Refusal).FirstOrDefault(r => r is not null);
        bool shown = failed.Info.Id == RequiresPassword || Refusal(failed) is not null;
        return listenedWithout && refusal is not null && shown
            ? new(Id, AuthTexts.DiagnosisOwnPasswordMistake, language.Choose(AuthTexts.DiagnosisOwnPasswordFix, AuthTexts.DiagnosisOwnPasswordFixPython), AuthTexts.FormatDiagnosisOwnPasswordEvidence(refusal))
            : null;
    }

    // The server's refusal of a login, quoted: an AUTH line sent, and a line of ERR back (after the challenge,
    // in exercise 04).
    private static string? Refusal(CheckResult result) => ConnectionBytes.Of(result.Transcript)
        .Where(s => s.Sent.AsSpan().IndexOf("AUTH "u8) >= 0)
        .Select(s => ErrLine(s.Received))
        .FirstOrDefault(line => line is not null);

    private static string? ErrLine(byte[] received)
    {
        var data = received.AsSpan();
        int start = data.StartsWith("ERR"u8) ? 0 : data.IndexOf("\nERR"u8) is var newline and >= 0 ? newline + 1 : -1;
        if (start < 0)
        {
            return null;
        }
        var line = data[start..];
        int end = line.IndexOf((byte)'\n');
        return ByteText.Quote(line[..(end < 0 ? Math.Min(line.Length, 80) : end + 1)]);
    }
}
