using System.Resources;

namespace SocketExercises.Grader.Checks;

/// <summary>What a check is, for the student reading the report.</summary>
/// <param name="Id">Stable id that scripts and tests refer to: the exercise's prefix and the behaviour, <c>&lt;exercise&gt;.&lt;behaviour&gt;</c>.</param>
/// <param name="Requirement">The requirement in docs/protocol.md that the check tests, such as <c>§2</c>.</param>
/// <param name="Texts">The exercise's texts, which hold the check's title and hint as <c>&lt;id&gt;.title</c> and <c>&lt;id&gt;.hint</c>.</param>
public sealed record CheckInfo(string Id, string Requirement, ResourceManager Texts)
{
    /// <summary>One line a student understands, in the current language.</summary>
    public string Title => Text("title");

    /// <summary>The usual mistake behind a failure, and how to fix it, in the current language, with C#'s calls.</summary>
    public string Hint => Text("hint");

    /// <summary>
    /// The hint for a program written in <paramref name="language"/>: with Python's socket calls for a Python program
    /// (<c>&lt;id&gt;.hint.python</c>), where the hint names any; the C# one otherwise.
    /// </summary>
    public string HintFor(Diagnoses.ProgramLanguage language) =>
        language == Diagnoses.ProgramLanguage.Python && Texts.GetString($"{Id}.hint.python") is { } python ? python : Hint;

    private string Text(string part) =>
        Texts.GetString($"{Id}.{part}") ?? throw new MissingManifestResourceException($"No {part} for check {Id} in {Texts.BaseName}.");
}
