using Microsoft.CodeAnalysis;
using SocketExercises.Analyzer.Texts;

namespace SocketExercises.Analyzer;

/// <summary>The analyzer's rules: an id each (<c>SE0001</c> …), its texts in English and Croatian, and its page in <c>docs/analyzer/</c>.</summary>
public static class SecurityRules
{
    /// <summary>Where each rule's page is, for the IDE's link: the kit's docs, relative to the repository.</summary>
    public const string HelpRoot = "docs/analyzer/";

    public static readonly DiagnosticDescriptor ConstantTimeComparison = Rule("SE0001", "Security", nameof(AnalyzerTexts.SE0001Message));

    public static readonly DiagnosticDescriptor SecretLiteral = Rule("SE0002", "Security", nameof(AnalyzerTexts.SE0002Message));

    public static readonly DiagnosticDescriptor PredictableRandom = Rule("SE0003", "Security", nameof(AnalyzerTexts.SE0003Message));

    public static readonly DiagnosticDescriptor AlteredSecret = Rule("SE0004", "Security", nameof(AnalyzerTexts.SE0004Message));

    // One rule, two messages: the same mistake (an exception no one sees) made two ways.
    public static readonly DiagnosticDescriptor AsyncVoid = Rule("SE0005", "Reliability", nameof(AnalyzerTexts.SE0005AsyncVoidMessage));

    public static readonly DiagnosticDescriptor LostTask = Rule("SE0005", "Reliability", nameof(AnalyzerTexts.SE0005LostTaskMessage));

    private static DiagnosticDescriptor Rule(string id, string category, string message) => new(
        id,
        Text(id + "Title"),
        Text(message),
        category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Text(id + "Description"),
        helpLinkUri: HelpRoot + id + ".md");

    private static LocalizableResourceString Text(string name) =>
        new(name, AnalyzerTexts.ResourceManager, typeof(AnalyzerTexts));
}
