using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer.Rules;

/// <summary>
/// SE0004: a password trimmed or case-folded before it is compared (<c>Trim</c>, <c>ToLower</c>, a comparison
/// that ignores case). Taking off only the line's end (<c>TrimEnd('\r')</c>, <c>TrimEnd('\r', '\n')</c>) is right.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AlteredSecretAnalyzer : MethodAnalyzer
{
    private static readonly HashSet<string> Changes =
    [
        "Trim", "TrimStart", "TrimEnd", "ToLower", "ToUpper", "ToLowerInvariant", "ToUpperInvariant",
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SecurityRules.AlteredSecret];

    private protected override void Analyze(OperationBlockAnalysisContext context, MethodValues values)
    {
        var comparisons = values.Operations.Select(Comparison.Of).Where(c => c is not null && c.OfSecret(values)).ToList();
        // Locals compared with a secret: what is stored in them is, in the end, compared with it.
        var comparedLocals = new HashSet<ISymbol>(
            comparisons.SelectMany(c => c!.Operands).Select(o => o.ReferencedSymbol()).OfType<ILocalSymbol>(), SymbolEqualityComparer.Default);

        foreach (var comparison in comparisons)
        {
            if (comparison!.IgnoringCase is { } how)
            {
                context.ReportDiagnostic(Diagnostic.Create(SecurityRules.AlteredSecret, comparison.Operation.Syntax.GetLocation(), comparison.Operation.Code(), how));
            }
        }
        foreach (var call in values.Operations.OfType<IInvocationOperation>())
        {
            if (!Changes.Contains(call.TargetMethod.Name) || call.TargetMethod.ContainingType?.SpecialType != SpecialType.System_String || TakesOffLineEndOnly(call))
            {
                continue;
            }
            var destination = Destination.Of(call, context.OwningSymbol);
            bool ofSecret = (call.Instance is { } instance && values.HoldsSecret(instance))
                || (destination.Symbol is { } symbol && (Names.IsSecret(symbol.Name) || comparedLocals.Contains(symbol)))
                || destination.Comparison?.OfSecret(values) == true;
            if (ofSecret)
            {
                context.ReportDiagnostic(Diagnostic.Create(SecurityRules.AlteredSecret, call.Syntax.GetLocation(), call.Code(), call.TargetMethod.Name));
            }
        }
    }

    // TrimEnd('\r'), TrimEnd('\r', '\n'), TrimEnd("\r\n".ToCharArray()) …: the line's end, which the protocol takes off.
    private static bool TakesOffLineEndOnly(IInvocationOperation call)
    {
        if (!call.TargetMethod.Name.StartsWith("Trim", System.StringComparison.Ordinal))
        {
            return false;
        }
        var constants = call.Arguments.SelectMany(a => a.Value.DescendantsAndSelf()).Where(o => o.ConstantValue.HasValue).ToList();
        return constants.Count > 0
            && constants.Where(o => o.Type?.SpecialType is SpecialType.System_Char or SpecialType.System_String)
                .All(o => o.ConstantValue.Value is '\r' or '\n' || (o.ConstantValue.Value is string s && s.All(c => c is '\r' or '\n')));
    }
}
