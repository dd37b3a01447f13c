using SocketExercises.Grader.Scoring;

namespace SocketExercises.Grader.Checks;

/// <summary>Settings for one grading run.</summary>
public sealed record GradingOptions
{
    /// <summary>The seed for every generated payload; the report prints it so a failure can be replayed.</summary>
    public int Seed { get; init; }

    /// <summary>Grading stops after this, however broken the server: checks not started by then are skipped.</summary>
    public TimeSpan TotalTimeLimit { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>What each check is worth: the exercises' defaults (<see cref="Exercises.Exercise.DefaultPointsOf"/>), or a teacher's.</summary>
    public required PointsTable Points { get; init; }
}
