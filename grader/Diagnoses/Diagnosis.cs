namespace SocketExercises.Grader.Diagnoses;

/// <summary>A known mistake, recognised from what a failed check saw; it replaces the check's general hint.</summary>
/// <param name="Id">Stable id, for scripts and tests: the exercise's prefix and the mistake, <c>echo.sends-whole-buffer</c>.</param>
/// <param name="Mistake">What the program does wrong, in one sentence a student recognises in their code.</param>
/// <param name="Fix">How to fix it.</param>
/// <param name="Evidence">What this check saw that shows it: the student's own bytes, counts and times.</param>
public sealed record Diagnosis(string Id, string Mistake, string Fix, string Evidence);
