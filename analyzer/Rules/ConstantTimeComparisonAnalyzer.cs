using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketExercises.Analyzer.Rules;

/// <summary>SE0001: a password or a MAC compared with <c>==</c>, <c>Equals</c>, <c>SequenceEqual</c> …, which stop at the first difference.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstantTimeComparisonAnalyzer : MethodAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SecurityRules.ConstantTimeComparison];

    private protected override void Analyze(OperationBlockAnalysisContext context, MethodValues values)
    {
        foreach (var operation in values.Operations)
        {
            if (Comparison.Of(operation) is { } comparison && comparison.OfSecret(values))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    SecurityRules.ConstantTimeComparison, operation.Syntax.GetLocation(), operation.Code(), comparison.Operator));
            }
        }
    }
}
