using SocketExercises.Grader.Exercises;

namespace SocketExercises.Submission.Tests;

// One class per program, so that a test explorer groups the checks by program.

[Program("echo-server")]
public sealed class EchoServer : ProgramChecks;

[Program("echo-client")]
public sealed class EchoClient : ProgramChecks;

[Program("auth-server")]
public sealed class AuthServer : ProgramChecks;

[Program("auth-client")]
public sealed class AuthClient : ProgramChecks;

[Program("chat-server")]
public sealed class ChatServer : ProgramChecks;

[Program("chat-client")]
public sealed class ChatClient : ProgramChecks;

[Program("challenge-server")]
public sealed class ChallengeServer : ProgramChecks;

[Program("challenge-client")]
public sealed class ChallengeClient : ProgramChecks;

/// <summary>Every program of the kit has its class above: a new exercise can't go ungraded here.</summary>
public sealed class EveryProgram
{
    [Fact]
    public void Has_its_tests()
    {
        var graded = typeof(ProgramChecks).Assembly.GetTypes()
            .Select(t => t.GetCustomAttributes(typeof(ProgramAttribute), false).Cast<ProgramAttribute>().SingleOrDefault()?.Exercise)
            .OfType<string>();
        Assert.Equal(KitExercises.All.Select(e => e.Key).Order(), graded.Order());
    }
}
