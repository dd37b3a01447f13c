using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer;

/// <summary>
/// A comparison of two values that returns as soon as they differ: <c>==</c>, <c>!=</c>, <c>is "..."</c>,
/// <c>Equals</c>, <c>SequenceEqual</c>, <c>CompareTo</c>, <c>StartsWith</c> and their kin.
/// <c>CryptographicOperations.FixedTimeEquals</c> is the one that does not, and is no comparison here.
/// </summary>
/// <param name="operator">How the code compares: <c>==</c>, <c>Equals</c>, <c>SequenceEqual</c> …</param>
/// <param name="operands">What it compares: text or bytes only, not a <c>StringComparison</c> or a comparer.</param>
/// <param name="ignoringCase">How it ignores case (<c>OrdinalIgnoreCase</c>), when it does.</param>
internal sealed class Comparison(IOperation operation, string @operator, IReadOnlyList<IOperation> operands, string? ignoringCase)
{
    public IOperation Operation => operation;

    public string Operator => @operator;

    public IReadOnlyList<IOperation> Operands => operands;

    public string? IgnoringCase => ignoringCase;

    private static readonly HashSet<string> Methods =
    [
        "Equals", "SequenceEqual", "SequenceCompareTo", "CompareTo", "Compare", "CompareOrdinal", "StartsWith", "EndsWith",
    ];

    /// <summary>The comparison <paramref name="operation"/> is, or null.</summary>
    public static Comparison? Of(IOperation operation) => operation switch
    {
        IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary =>
            new(binary, binary.OperatorKind == BinaryOperatorKind.Equals ? "==" : "!=", [binary.LeftOperand, binary.RightOperand], null),
        IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern =>
            new(pattern, "is", [pattern.Value, constant.Value], null),
        IInvocationOperation call when Methods.Contains(call.TargetMethod.Name) && call.TargetMethod.ContainingType?.Name != "CryptographicOperations" =>
            new(call, call.TargetMethod.Name,
                [.. (call.Instance is { } instance ? [instance] : (IEnumerable<IOperation>)[]).Concat(call.Arguments.Select(a => a.Value))
                    .Where(o => Types.CarriesText(o.WalkDownConversion().Type))],
                IgnoringCaseIn(call)),
        _ => null,
    };

    /// <summary>Whether one side is a secret, and nothing on the other side makes that harmless (<c>password == null</c>).</summary>
    public bool OfSecret(MethodValues values) =>
        Operands.Any(o => Types.CarriesText(o.WalkDownConversion().Type) && values.HoldsSecret(o))
        && !Operands.Any(Types.IsNullOrEmptyConstant);

    // StringComparison.OrdinalIgnoreCase, or a StringComparer that ignores case, among the arguments.
    private static string? IgnoringCaseIn(IInvocationOperation call) => call.Arguments
        .Select(a => a.Value.WalkDownConversion())
        .Select(v => v switch
        {
            IFieldReferenceOperation f when f.Field.Name.EndsWith("IgnoreCase", System.StringComparison.Ordinal) => f.Field.Name,
            IPropertyReferenceOperation p when p.Property.Name.EndsWith("IgnoreCase", System.StringComparison.Ordinal) => p.Property.Name,
            _ => null,
        })
        .FirstOrDefault(name => name is not null);
}
