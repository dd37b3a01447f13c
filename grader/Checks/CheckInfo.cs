namespace SocketExercises.Grader.Checks;

/// <summary>What a check is, for the student reading the report.</summary>
/// <param name="Id">Stable id that scripts and tests refer to, such as <c>echo.one-byte-at-a-time</c>.</param>
/// <param name="Title">One line a student understands.</param>
/// <param name="Requirement">The requirement in docs/protocol.md that the check tests, such as <c>§2</c>.</param>
/// <param name="Hint">The usual mistake behind a failure, and how to fix it.</param>
public sealed record CheckInfo(string Id, string Title, string Requirement, string Hint);
