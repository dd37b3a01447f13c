namespace SocketExercises.Grader.Exercises.Auth.Client;

/// <summary>How the grader, playing the authenticating server, answers the client's login.</summary>
public enum LoginAnswer
{
    /// <summary><c>OK\n</c> in one piece.</summary>
    Ok,

    /// <summary><c>OK\n</c> in two pieces with a pause between them.</summary>
    OkInPieces,

    /// <summary><c>ERR wrong password\n</c>, then the close.</summary>
    Refused,
}
