using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer;

internal static class OperationExtensions
{
    /// <summary>The operation under any implicit or explicit conversions.</summary>
    public static IOperation WalkDownConversion(this IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }
        return operation;
    }

    /// <summary>The symbol an operation reads or writes, when it names one: a local, a parameter, a field, a property.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation operation) => operation.WalkDownConversion() switch
    {
        ILocalReferenceOperation l => l.Local,
        IParameterReferenceOperation p => p.Parameter,
        IFieldReferenceOperation f => f.Field,
        IPropertyReferenceOperation p => p.Property,
        _ => null,
    };

    /// <summary>The code of <paramref name="operation"/> on one line, shortened for a message.</summary>
    public static string Code(this IOperation operation)
    {
        string code = string.Join(" ", operation.Syntax.ToString().Split((char[])['\r', '\n', ' ', '\t'], System.StringSplitOptions.RemoveEmptyEntries));
        return code.Length <= 70 ? code : code.Substring(0, 67) + "...";
    }

    /// <summary>The operations that contain <paramref name="operation"/>, innermost first.</summary>
    public static IEnumerable<IOperation> Ancestors(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }
}
