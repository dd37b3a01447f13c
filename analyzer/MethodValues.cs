using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer;

/// <summary>
/// What the values of one method hold, followed from the names they come from: a local holds a secret when it
/// is made from one (<c>byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes(password))</c>), and holds
/// System.Random's numbers when it is made from them or filled by them (<c>random.NextBytes(bytes)</c>).
/// Assignments are followed in any order until nothing changes, which is enough for a method of a few dozen lines.
/// </summary>
internal sealed class MethodValues
{
    private readonly HashSet<ILocalSymbol> _secret = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _random = new(SymbolEqualityComparer.Default);

    private MethodValues()
    {
    }

    /// <summary>Every operation of the method, lambdas and local functions included.</summary>
    public IReadOnlyList<IOperation> Operations { get; private set; } = [];

    public static MethodValues Of(ImmutableArray<IOperation> blocks)
    {
        var values = new MethodValues { Operations = blocks.SelectMany(b => b.DescendantsAndSelf()).ToList() };
        var writes = values.Operations.SelectMany(LocalWrites).ToList();
        foreach (var fill in values.Operations.OfType<IInvocationOperation>().Where(RandomCalls.Fills))
        {
            foreach (var local in fill.Arguments.Select(a => a.Value.WalkDownConversion()).OfType<ILocalReferenceOperation>())
            {
                values._random.Add(local.Local);
            }
        }
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in writes)
            {
                changed |= Types.CarriesText(local.Type) && !values._secret.Contains(local) && values.HoldsSecret(value) && values._secret.Add(local);
                changed |= !values._random.Contains(local) && values.HoldsRandom(value) && values._random.Add(local);
            }
        }
        return values;
    }

    /// <summary>Whether <paramref name="value"/> is made from a secret: a name that says so, or a local made from one.</summary>
    public bool HoldsSecret(IOperation value) => value.DescendantsAndSelf().Any(o => o switch
    {
        ILocalReferenceOperation l => _secret.Contains(l.Local) || Names.IsSecret(l.Local.Name),
        IParameterReferenceOperation p => Names.IsSecret(p.Parameter.Name),
        IFieldReferenceOperation f => Names.IsSecret(f.Field.Name),
        IPropertyReferenceOperation p => Names.IsSecret(p.Property.Name),
        IInvocationOperation i => Names.IsSecret(i.TargetMethod.Name),
        _ => false,
    });

    /// <summary>Whether <paramref name="value"/> is made from System.Random's numbers.</summary>
    public bool HoldsRandom(IOperation value) => value.DescendantsAndSelf().Any(o => o switch
    {
        ILocalReferenceOperation l => _random.Contains(l.Local),
        IInvocationOperation i => RandomCalls.Is(i),
        _ => false,
    });

    // Each local the method writes, with the value written.
    private static IEnumerable<(ILocalSymbol Local, IOperation Value)> LocalWrites(IOperation operation) => operation switch
    {
        IVariableDeclaratorOperation { Initializer.Value: { } value } declarator => [(declarator.Symbol, value)],
        ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment => [(target.Local, assignment.Value)],
        _ => [],
    };
}

/// <summary>Calls on System.Random.</summary>
internal static class RandomCalls
{
    public static bool Is(IInvocationOperation call) =>
        IsRandom(call.TargetMethod.ContainingType) || (call.Instance?.Type is { } type && IsRandom(type));

    /// <summary>Calls that fill what they are given (<c>NextBytes(buffer)</c>) rather than return a number.</summary>
    public static bool Fills(IInvocationOperation call) =>
        Is(call) && call.TargetMethod.Name is "NextBytes" or "GetItems" or "Shuffle";

    private static bool IsRandom(ITypeSymbol? type) =>
        Types.DerivesFrom(type, t => t is { Name: "Random", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
}

/// <summary>The kinds of value the rules care about.</summary>
internal static class Types
{
    /// <summary>Text or bytes: a string, an array, or a span, memory or sequence of bytes or chars; not a number or a flag.</summary>
    public static bool CarriesText(ITypeSymbol? type) => type switch
    {
        { SpecialType: SpecialType.System_String } => true,
        IArrayTypeSymbol => true,
        INamedTypeSymbol { IsGenericType: true } generic => generic.TypeArguments.Any(a => a.SpecialType is SpecialType.System_Byte or SpecialType.System_Char),
        _ => false,
    };

    /// <summary>Whether <paramref name="type"/> or one of its base types is what <paramref name="what"/> says.</summary>
    public static bool DerivesFrom(ITypeSymbol? type, System.Func<ITypeSymbol, bool> what)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (what(type))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether <paramref name="operation"/> is <c>null</c> or <c>""</c>: a comparison with it tells nothing about a secret.</summary>
    public static bool IsNullOrEmptyConstant(IOperation operation) =>
        operation.WalkDownConversion() is { ConstantValue: { HasValue: true, Value: null or "" } };
}
