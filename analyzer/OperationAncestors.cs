using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace SocketExercises.Analyzer;

internal static class OperationAncestors
{
    /// <summary>The operations that contain <paramref name="operation"/>, innermost first.</summary>
    public static IEnumerable<IOperation> Ancestors(this IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            yield return parent;
        }
    }
}
