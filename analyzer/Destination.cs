using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer;

/// <summary>
/// Where a value ends up, followed up through what only passes it on (conversions, <c>??</c>, <c>? :</c>,
/// concatenation and interpolation, and the calls that turn text into bytes or hash it): the symbol it is stored
/// in, the method that returns it, or the comparison it is compared in.
/// </summary>
internal sealed class Destination
{
    /// <summary>The local, field, property or parameter it is stored in; the method it is returned from.</summary>
    public ISymbol? Symbol { get; private set; }

    /// <summary>The comparison it is one side of.</summary>
    public Comparison? Comparison { get; private set; }

    /// <summary>The parameters it was passed through on the way.</summary>
    public List<IParameterSymbol> Parameters { get; } = [];

    public static Destination Of(IOperation value, ISymbol owner)
    {
        var destination = new Destination();
        for (IOperation current = value; current.Parent is { } parent; current = parent)
        {
            if (Analyzer.Comparison.Of(parent) is { } comparison)
            {
                destination.Comparison = comparison;
                return destination;
            }
            switch (parent)
            {
                case IConversionOperation or IParenthesizedOperation or IInterpolationOperation or IInterpolatedStringOperation or IConstantPatternOperation
                    or IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } or ICoalesceOperation
                    or IConditionalOperation { Condition: not null }:
                    if (parent is IConditionalOperation conditional && conditional.Condition == current)
                    {
                        return destination;
                    }
                    continue;
                case IArgumentOperation argument:
                    if (argument.Parameter is { } parameter)
                    {
                        destination.Parameters.Add(parameter);
                    }
                    continue;
                case IInvocationOperation call when PassesOn(call.TargetMethod):
                    continue;
                case IVariableInitializerOperation when parent.Parent is IVariableDeclaratorOperation declarator:
                    destination.Symbol = declarator.Symbol;
                    return destination;
                case IFieldInitializerOperation fields when fields.InitializedFields.Length > 0:
                    destination.Symbol = fields.InitializedFields[0];
                    return destination;
                case IPropertyInitializerOperation properties when properties.InitializedProperties.Length > 0:
                    destination.Symbol = properties.InitializedProperties[0];
                    return destination;
                case IParameterInitializerOperation initializer:
                    destination.Symbol = initializer.Parameter;
                    return destination;
                case ISimpleAssignmentOperation assignment when assignment.Value == current:
                    destination.Symbol = assignment.Target.ReferencedSymbol();
                    return destination;
                case IReturnOperation:
                    destination.Symbol = ReturningMethod(parent, owner);
                    return destination;
                default:
                    return destination;
            }
        }
        return destination;
    }

    // Calls whose result is the value passed in, in another form: text to bytes, hashed, trimmed, joined.
    private static bool PassesOn(IMethodSymbol method) => method.ContainingType?.ToDisplayString() is { } type
        && (type is "string" or "System.Convert" or "System.MemoryExtensions" or "System.Linq.Enumerable"
            || type.StartsWith("System.Text.", System.StringComparison.Ordinal)
            || type.StartsWith("System.Security.Cryptography.", System.StringComparison.Ordinal));

    private static ISymbol ReturningMethod(IOperation operation, ISymbol owner)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case ILocalFunctionOperation local:
                    return local.Symbol;
                case IAnonymousFunctionOperation lambda:
                    return lambda.Symbol;
            }
        }
        return owner;
    }
}
