using SocketExercises.Grader.Exercises.Auth.Client;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Exercises.Challenge.Client;
using SocketExercises.Grader.Exercises.Challenge.Server;
using SocketExercises.Grader.Exercises.Chat.Client;
using SocketExercises.Grader.Exercises.Chat.Server;
using SocketExercises.Grader.Exercises.Echo.Client;
using SocketExercises.Grader.Exercises.Echo.Server;

namespace SocketExercises.Grader.Exercises;

/// <summary>The kit's exercises: the one list that the command line, <c>grade-all</c>, the points and the tests go through.</summary>
public static class KitExercises
{
    /// <summary>Every program of the kit, in the order a submission's programs are graded and listed.</summary>
    public static IReadOnlyList<Exercise> All { get; } =
    [
        new EchoServerExercise(),
        new EchoClientExercise(),
        new AuthServerExercise(),
        new AuthClientExercise(),
        new ChatServerExercise(),
        new ChatClientExercise(),
        new ChallengeServerExercise(),
        new ChallengeClientExercise(),
    ];

    /// <summary>The exercise <c>check</c> calls <paramref name="key"/>.</summary>
    public static Exercise Named(string key) =>
        All.SingleOrDefault(e => e.Key == key) ?? throw new KeyNotFoundException($"No exercise is called {key}.");
}
