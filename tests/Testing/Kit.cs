using SocketExercises.Grader.Exercises;

namespace SocketExercises.Testing;

/// <summary>The kit's exercises by name, for tests that grade one of them: <c>using static SocketExercises.Testing.Kit;</c>.</summary>
public static class Kit
{
    public static Exercise EchoServer => KitExercises.Named("echo-server");

    public static Exercise EchoClient => KitExercises.Named("echo-client");

    public static Exercise AuthServer => KitExercises.Named("auth-server");

    public static Exercise AuthClient => KitExercises.Named("auth-client");

    public static Exercise ChatServer => KitExercises.Named("chat-server");

    public static Exercise ChatClient => KitExercises.Named("chat-client");

    public static Exercise ChallengeServer => KitExercises.Named("challenge-server");

    public static Exercise ChallengeClient => KitExercises.Named("challenge-client");
}
