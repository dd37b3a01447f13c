using SocketExercises.Grader.Scoring;

namespace SocketExercises.Grader.Checks;

/// <summary>Settings for one grading run.</summary>
public sealed record GradingOptions
{
    /// <summary>The seed for every generated payload; the report prints it so a failure can be replayed.</summary>
    public int Seed { get; init; }

    /// <summary>
    /// Grading stops after this, however broken the server: checks not started by then are skipped. For a server
    /// the grader starts it counts from the moment the server runs its own code (a build before it not counted),
    /// its time to listen included. A correct server takes 1 to 3 s; a broken one that stalls is waited for less
    /// after its first stall (<see cref="Wire.Patience"/>).
    /// </summary>
    public TimeSpan TotalTimeLimit { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Starting an exited server again, in all, for one grading: not counted in <see cref="TotalTimeLimit"/>, as
    /// a slow start is no check's failure.
    /// </summary>
    public TimeSpan RevivalTimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// The same for a client, which is run several times: each run starts a program (in a container, a container
    /// too), and a <c>dotnet run</c> may build first.
    /// </summary>
    public TimeSpan ClientTimeLimit { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>What each check is worth: the exercises' defaults (<see cref="Exercises.Exercise.DefaultPointsOf"/>), or a teacher's.</summary>
    public required PointsTable Points { get; init; }
}
