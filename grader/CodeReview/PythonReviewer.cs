using System.Text.RegularExpressions;
using SocketExercises.Analyzer;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.CodeReview;

/// <summary>
/// The one rule that bears points (SE0001), read in a Python program, the course's language: a password or MAC
/// compared with <c>==</c>, <c>!=</c>, <c>startswith</c> or <c>endswith</c> instead of <c>hmac.compare_digest</c>.
/// Python has no compiler to ask, so this reads lines: names say what is a secret, as in the C# rules, and a name
/// assigned from a secret becomes one. It looks only at the operands right beside the comparison, so
/// <c>len(password) == 0</c>, a comparison with a number, <c>None</c> or <c>""</c>, is left alone.
/// </summary>
public static partial class PythonReviewer
{
    /// <summary>The findings in a program's Python files.</summary>
    /// <param name="files">The program's files: the path a finding names, and the text.</param>
    public static IReadOnlyList<CodeFinding> Review(IReadOnlyList<(string Path, string Text)> files)
    {
        var lines = files.SelectMany(f => f.Text.Split('\n').Select((text, i) => (f.Path, Number: i + 1, Code: WithoutComment(text)))).ToList();
        var secrets = SecretsAssigned(lines.Select(l => l.Code));
        var findings = new List<CodeFinding>();
        foreach (var (path, number, code) in lines)
        {
            foreach (Match comparison in Comparison().Matches(code))
            {
                string left = Keywords().Replace(comparison.Groups["left"].Value.Trim(), ""), right = comparison.Groups["right"].Value.Trim();
                string how = comparison.Groups["op"].Value.Trim('.', '(');
                bool harmless = Harmless().IsMatch(left) || Harmless().IsMatch(right);
                if (!harmless && (HoldsSecret(left, secrets) || HoldsSecret(right, secrets)))
                {
                    findings.Add(new CodeFinding(SecurityRules.ConstantTimeComparison.Id, path, number,
                        Strings.FormatCodeReviewPythonComparison($"{left} {comparison.Groups["op"].Value.Trim()} {right}".Replace(" .", ".", StringComparison.Ordinal), how)));
                }
            }
        }
        return findings;
    }

    // Names that hold a secret because they were assigned one (given = line[5:]; expected = hmac.new(password, ...)).
    private static HashSet<string> SecretsAssigned(IEnumerable<string> code)
    {
        var assignments = code.Select(l => Assignment().Match(l)).Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        for (bool changed = true; changed;)
        {
            changed = false;
            foreach (var (name, value) in assignments)
            {
                changed |= !secrets.Contains(name) && HoldsSecret(value, secrets) && secrets.Add(name);
            }
        }
        return secrets;
    }

    private static bool HoldsSecret(string expression, HashSet<string> secrets) =>
        Identifier().Matches(WithoutText(expression)).Any(m => secrets.Contains(m.Value) || Names.IsSecret(m.Value));

    // The expression with its string literals' text taken out ("Password: " names nothing), but what an f-string
    // puts in ({password}) and the name of an environment variable (os.environ["SOCKET_PASSWORD"]).
    private static string WithoutText(string expression) => StringLiteral().Replace(expression, literal =>
        literal.Groups["prefix"].Value.Contains('f', StringComparison.OrdinalIgnoreCase)
            ? string.Join(" ", Placeholder().Matches(literal.Groups["body"].Value).Select(m => m.Groups["code"].Value))
            : EnvironmentName().IsMatch(literal.Groups["body"].Value) ? literal.Groups["body"].Value : "\"\"");

    // A line without its comment; a # inside a string stays.
    private static string WithoutComment(string line)
    {
        char? quote = null;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quote is null && c == '#')
            {
                return line[..i];
            }
            if (c is '"' or '\'' && (i == 0 || line[i - 1] != '\\'))
            {
                quote = quote == c ? null : quote ?? c;
            }
        }
        return line;
    }

    // left == right, left != right, left.startswith(right), left.endswith(right): each operand a run of names,
    // strings, calls and indexes (whole, brackets balanced) and +, up to a keyword, a comma or a colon.
    [GeneratedRegex("""(?<left>(?:[rbfRBF]*"[^"]*"|[rbfRBF]*'[^']*'|\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]|[\w.]|\+|\s(?!(?:and|or|if|else|not|in|is|return)\b))+?)\s*(?<op>==|!=|\.startswith\(|\.endswith\()\s*(?<right>(?:[rbfRBF]*"[^"]*"|[rbfRBF]*'[^']*'|\((?:[^()]|\([^()]*\))*\)|\[[^\[\]]*\]|[\w.]|\+|\s(?!(?:and|or|if|else)\b))+)""")]
    private static partial Regex Comparison();

    [GeneratedRegex("""(?<prefix>[rbfRBF]*)(?<q>["'])(?<body>.*?)\k<q>""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex("""\{(?<code>[^{}]*)\}""")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""^[A-Z][A-Z0-9_]*$""")]
    private static partial Regex EnvironmentName();

    // The keywords a condition starts with, which the left operand's pattern takes in.
    [GeneratedRegex("""^(?:(?:if|elif|while|return|assert|not|and|or)\s+)+""")]
    private static partial Regex Keywords();

    // A number, None, True, False, an empty string or bytes: a comparison with it tells nothing about a secret.
    [GeneratedRegex("""^(?:\d+|None|True|False|b?""|b?'')$""")]
    private static partial Regex Harmless();

    [GeneratedRegex("""^\s*(?<name>[A-Za-z_]\w*)\s*(?::[^=]+)?=(?!=)\s*(?<value>.+)$""")]
    private static partial Regex Assignment();

    [GeneratedRegex("""[A-Za-z_]\w*""")]
    private static partial Regex Identifier();
}
