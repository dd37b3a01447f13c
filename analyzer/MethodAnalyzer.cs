using Microsoft.CodeAnalysis.Diagnostics;

namespace SocketExercises.Analyzer;

/// <summary>A rule that reads one method at a time, knowing what its values hold (<see cref="MethodValues"/>).</summary>
public abstract class MethodAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationBlockAction(block => Analyze(block, MethodValues.Of(block.OperationBlocks)));
    }

    private protected abstract void Analyze(OperationBlockAnalysisContext context, MethodValues values);
}
