using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Diagnoses;

/// <summary>Recognises one known mistake from the evidence of a failed check: its transcript, its message, and the rest of the report.</summary>
public interface IDiagnoser
{
    /// <summary>The mistake <paramref name="failed"/> shows, or null when it shows another one, or none that is known.</summary>
    /// <param name="failed">A check that failed.</param>
    /// <param name="report">The whole grading, for evidence beyond one check (a check that passed rules a mistake out).</param>
    /// <param name="language">The program's language, for a fix in its terms.</param>
    Diagnosis? Diagnose(CheckResult failed, GradeReport report, ProgramLanguage language);
}
