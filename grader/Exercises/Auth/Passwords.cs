using System.Security.Cryptography;

namespace SocketExercises.Grader.Exercises.Auth;

/// <summary>Passwords the grader makes up for the programs it starts.</summary>
public static class Passwords
{
    // Letters only, in both cases: every check that changes a letter's case has something to change.
    public static string Make() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 16);
}
