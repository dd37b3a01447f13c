namespace SocketExercises.Common;

/// <summary>Marks a step of an exercise that the student has not written yet.</summary>
public static class Todo
{
    /// <summary>
    /// Returns the exception a starter throws where step <paramref name="number"/> belongs:
    /// <c>throw Todo.NotDone(1, "create the socket");</c>. The program then exits with a message, not a stack trace.
    /// </summary>
    public static TodoNotDoneException NotDone(int number, string what) => new(number, what);
}

/// <summary>Thrown by an unfinished starter; <see cref="ExerciseHost"/> turns it into a one-line message.</summary>
public sealed class TodoNotDoneException(int number, string what)
    : Exception($"TODO {number} is not done yet: {what}.")
{
    /// <summary>The number of the TODO, as written in the starter's comments.</summary>
    public int Number { get; } = number;
}
