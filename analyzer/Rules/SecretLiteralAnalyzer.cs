using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer.Rules;

/// <summary>
/// SE0002: a password or key written in the code: a text stored under a secret's name (<c>password = "hunter2"</c>,
/// the default after <c>??</c> included), compared with a secret, or given to a cryptographic API as its key.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecretLiteralAnalyzer : MethodAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SecurityRules.SecretLiteral];

    private protected override void Analyze(OperationBlockAnalysisContext context, MethodValues values)
    {
        foreach (var literal in values.Operations.OfType<ILiteralOperation>())
        {
            if (literal.ConstantValue is not { HasValue: true, Value: string text } || string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var destination = Destination.Of(literal, context.OwningSymbol);
            string? secret = destination.Symbol is { } symbol && Names.IsSecret(symbol.Name) ? symbol.Name
                : destination.Parameters.FirstOrDefault(IsSecretParameter)?.Name
                ?? (destination.Comparison?.OfSecret(values) == true ? literal.Code() : null);
            if (secret is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(SecurityRules.SecretLiteral, literal.Syntax.GetLocation(), secret));
            }
        }
    }

    // A parameter that takes a secret: named as one, or the key or password of a cryptographic API (HMACSHA256's key).
    private static bool IsSecretParameter(IParameterSymbol parameter) =>
        Names.IsSecret(parameter.Name)
        || (parameter.Name is "key" or "password"
            && parameter.ContainingSymbol.ContainingNamespace?.ToDisplayString() == "System.Security.Cryptography");
}
