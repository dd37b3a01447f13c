using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace SocketExercises.Analyzer.Rules;

/// <summary>
/// SE0005: an exception no one sees. An <c>async void</c> method or lambda (its exception ends the program), and in
/// a loop that accepts clients, a task started and dropped (<c>_ = HandleAsync(client)</c>) whose code catches
/// nothing (its exception is lost with it). The server of the house style drops its tasks too, but each catches
/// what a client can cause.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LostExceptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [SecurityRules.AsyncVoid, SecurityRules.LostTask];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(AsyncVoidMethod, SymbolKind.Method);
        context.RegisterOperationAction(AsyncVoidFunction, OperationKind.LocalFunction, OperationKind.AnonymousFunction);
        context.RegisterOperationAction(DroppedTask, OperationKind.Invocation);
    }

    private static void AsyncVoidMethod(SymbolAnalysisContext context)
    {
        if (context.Symbol is IMethodSymbol { IsAsync: true, ReturnsVoid: true } method && !IsEventHandler(method))
        {
            context.ReportDiagnostic(Diagnostic.Create(SecurityRules.AsyncVoid, method.Locations[0], method.Name));
        }
    }

    private static void AsyncVoidFunction(OperationAnalysisContext context)
    {
        var (method, name) = context.Operation switch
        {
            ILocalFunctionOperation local => (local.Symbol, local.Symbol.Name),
            IAnonymousFunctionOperation lambda => (lambda.Symbol, lambda.Code()),
            _ => (null!, ""),
        };
        // An async lambda subscribed to an event is the one place async void belongs.
        if (method is { IsAsync: true, ReturnsVoid: true } && !IsEventHandler(method)
            && !context.Operation.Ancestors().Any(a => a is IEventAssignmentOperation))
        {
            context.ReportDiagnostic(Diagnostic.Create(SecurityRules.AsyncVoid, context.Operation.Syntax.GetLocation(), name));
        }
    }

    private static void DroppedTask(OperationAnalysisContext context)
    {
        var call = (IInvocationOperation)context.Operation;
        if (!IsTask(call.TargetMethod.ReturnType) || !IsDropped(call) || !InAcceptLoop(call))
        {
            return;
        }
        var (work, name) = call.TargetMethod is { Name: "Run" or "StartNew", ContainingType.Name: "Task" or "TaskFactory" }
            ? (call.Arguments.Select(a => a.Value.WalkDownConversion()).OfType<IDelegateCreationOperation>().Select(d => d.Target)
                .Select(t => t is IAnonymousFunctionOperation lambda ? lambda.Syntax : t is IMethodReferenceOperation m ? Declaration(m.Method) : null)
                .FirstOrDefault(), call.TargetMethod.ContainingType.Name + "." + call.TargetMethod.Name)
            : (Declaration(call.TargetMethod), call.TargetMethod.Name);
        // Code this project does not have is not judged: it may well catch.
        if (work is not null && !work.DescendantNodes().OfType<CatchClauseSyntax>().Any())
        {
            context.ReportDiagnostic(Diagnostic.Create(SecurityRules.LostTask, call.Syntax.GetLocation(), name));
        }
    }

    private static SyntaxNode? Declaration(IMethodSymbol method) =>
        method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax();

    private static bool IsTask(ITypeSymbol type) =>
        type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace.Name: "Threading" } };

    // Its value is thrown away: a statement of its own, or assigned to the discard.
    private static bool IsDropped(IOperation call) => call.Parent switch
    {
        IExpressionStatementOperation => true,
        ISimpleAssignmentOperation { Target: IDiscardOperation } assignment => assignment.Parent is IExpressionStatementOperation,
        _ => false,
    };

    // Inside a loop that accepts connections (AcceptAsync, AcceptTcpClientAsync, AcceptSocket …).
    private static bool InAcceptLoop(IOperation call) => call.Ancestors().OfType<ILoopOperation>().Any(loop =>
        loop.Body.DescendantsAndSelf().OfType<IInvocationOperation>().Any(c => c.TargetMethod.Name.StartsWith("Accept", System.StringComparison.Ordinal)
            && c.TargetMethod.ContainingType?.Name is "Socket" or "TcpListener"));

    private static bool IsEventHandler(IMethodSymbol method) =>
        method.Parameters.Length == 2 && method.Parameters[0].Type.SpecialType == SpecialType.System_Object
        && Types.DerivesFrom(method.Parameters[1].Type, t => t.Name == "EventArgs");
}
