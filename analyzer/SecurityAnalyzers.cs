using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using SocketExercises.Analyzer.Rules;

namespace SocketExercises.Analyzer;

/// <summary>Every rule of the analyzer, for a host that runs them itself (the grader, on the code it grades).</summary>
public static class SecurityAnalyzers
{
    public static ImmutableArray<DiagnosticAnalyzer> All { get; } =
    [
        new ConstantTimeComparisonAnalyzer(),
        new SecretLiteralAnalyzer(),
        new PredictableRandomAnalyzer(),
        new AlteredSecretAnalyzer(),
        new LostExceptionAnalyzer(),
    ];
}
