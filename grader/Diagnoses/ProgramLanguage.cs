using System.Text.RegularExpressions;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Diagnoses;

/// <summary>
/// The language of the program graded, for a fix that names that language's calls: C#, the kit's, or Python,
/// the course's. Read from the command that runs it; a server the grader only connects to is taken for C#.
/// </summary>
public enum ProgramLanguage
{
    CSharp,
    Python,
}

public static partial class ProgramLanguages
{
    /// <summary>Python when the command runs a Python interpreter or a <c>.py</c> file; C# otherwise.</summary>
    public static ProgramLanguage Of(ShellCommand? command) =>
        command is not null && PythonCommand().IsMatch(command.Text) ? ProgramLanguage.Python : ProgramLanguage.CSharp;

    /// <summary>The text for <paramref name="language"/>: its own for Python, the C# one otherwise.</summary>
    public static string Choose(this ProgramLanguage language, string csharp, string python) =>
        language == ProgramLanguage.Python ? python : csharp;

    [GeneratedRegex(@"(^|[\s/""'])python[0-9.]*(\s|$)|\.py(\s|[""']|$)")]
    private static partial Regex PythonCommand();
}
