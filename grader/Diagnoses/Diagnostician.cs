using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Diagnoses;

/// <summary>Puts a diagnosis on each failed check that one of an exercise's diagnosers recognises: the first that does, in their order.</summary>
public static class Diagnostician
{
    /// <summary>
    /// <paramref name="report"/> with each failed check's diagnosis, where one is recognised, and otherwise its hint in
    /// the language of the program graded (Python's calls for a Python program, where the check has them).
    /// </summary>
    public static GradeReport Diagnose(GradeReport report, IReadOnlyList<IDiagnoser> diagnosers, ProgramLanguage language)
    {
        if (report.Failed == 0)
        {
            return report;
        }
        return report with
        {
            Results = [.. report.Results.Select(r => r.Status == CheckStatus.Failed ? Diagnosed(r, report, diagnosers, language) : r)],
        };
    }

    private static CheckResult Diagnosed(CheckResult failed, GradeReport report, IReadOnlyList<IDiagnoser> diagnosers, ProgramLanguage language) =>
        diagnosers.Select(d => d.Diagnose(failed, report, language)).FirstOrDefault(d => d is not null) is { } diagnosis
            ? failed with { Diagnosis = diagnosis }
            : failed with { Hint = failed.Hint ?? failed.Info.HintFor(language) };

    /// <summary>
    /// The mistakes that explain more than one failed check, each with the checks it explains, the most checks
    /// first: the report leads with each once instead of repeating it under every check.
    /// </summary>
    public static IReadOnlyList<SharedCause> SharedCauses(GradeReport report) =>
    [
        .. report.Results
            .Where(r => r.Diagnosis is not null)
            .GroupBy(r => r.Diagnosis!.Id)
            .Where(g => g.Count() > 1)
            .Select(g => new SharedCause(g.First().Diagnosis!, [.. g.Select(r => r.Info.Id)]))
            .OrderByDescending(c => c.Checks.Count),
    ];
}

/// <summary>One mistake and the failed checks it explains; <see cref="Diagnosis"/> carries the evidence of the first.</summary>
public sealed record SharedCause(Diagnosis Diagnosis, IReadOnlyList<string> Checks);
