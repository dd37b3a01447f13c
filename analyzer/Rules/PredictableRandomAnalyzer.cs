using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer.Rules;

/// <summary>
/// SE0003: System.Random's numbers in a value that must be unpredictable: stored under the name of a nonce, a
/// challenge, a salt, a key or a token, filled into one by <c>NextBytes</c>, or returned by a method named so.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PredictableRandomAnalyzer : MethodAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SecurityRules.PredictableRandom];

    private protected override void Analyze(OperationBlockAnalysisContext context, MethodValues values)
    {
        var reported = new HashSet<Location>();
        void Report(IOperation at, string name)
        {
            if (reported.Add(at.Syntax.GetLocation()))
            {
                context.ReportDiagnostic(Diagnostic.Create(SecurityRules.PredictableRandom, at.Syntax.GetLocation(), name));
            }
        }

        foreach (var operation in values.Operations)
        {
            switch (operation)
            {
                case IInvocationOperation call when RandomCalls.Fills(call):
                    foreach (var filled in call.Arguments.Select(a => a.Value.ReferencedSymbol()).Where(s => s is not null && Names.MustBeUnpredictable(s.Name)))
                    {
                        Report(call, filled!.Name);
                    }
                    break;
                case IVariableDeclaratorOperation { Initializer.Value: { } value } declarator
                    when Names.MustBeUnpredictable(declarator.Symbol.Name) && values.HoldsRandom(value):
                    Report(declarator, declarator.Symbol.Name);
                    break;
                case ISimpleAssignmentOperation assignment
                    when assignment.Target.ReferencedSymbol() is { } target && Names.MustBeUnpredictable(target.Name) && values.HoldsRandom(assignment.Value):
                    Report(assignment, target.Name);
                    break;
                case IReturnOperation { ReturnedValue: { } returned } when values.HoldsRandom(returned)
                    && Destination.Of(returned, context.OwningSymbol).Symbol is IMethodSymbol method && Names.MustBeUnpredictable(method.Name):
                    Report(returned, method.Name);
                    break;
            }
        }
    }
}
