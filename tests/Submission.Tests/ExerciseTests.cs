using SocketExercises.Testing;
using static SocketExercises.Grader.Composition.ServiceCollectionExtensions;

namespace SocketExercises.Submission.Tests;

/// <summary>Your echo server (exercises/01-echo/EchoServer), graded over a real socket once for all its tests.</summary>
public sealed class EchoServerGrade() : GradedExercise(() => Grade.ServerAsync(EchoServer, KitPrograms.Submission("01-echo", "EchoServer")))
{
    public static TheoryData<string> Checks => ChecksOf(EchoServer);
}

/// <summary>Your echo client (exercises/01-echo/EchoClient), run against the grader playing the server.</summary>
public sealed class EchoClientGrade() : GradedExercise(() => Grade.EchoClientAsync(KitPrograms.Submission("01-echo", "EchoClient")))
{
    public static TheoryData<string> Checks => ChecksOf(EchoClient);
}

public sealed class EchoServerTests(EchoServerGrade grade) : IClassFixture<EchoServerGrade>
{
    public static TheoryData<string> Checks => EchoServerGrade.Checks;

    [Theory]
    [MemberData(nameof(Checks))]
    public Task EchoServer_passes(string check) => grade.AssertPassedAsync(check);
}

public sealed class EchoClientTests(EchoClientGrade grade) : IClassFixture<EchoClientGrade>
{
    public static TheoryData<string> Checks => EchoClientGrade.Checks;

    [Theory]
    [MemberData(nameof(Checks))]
    public Task EchoClient_passes(string check) => grade.AssertPassedAsync(check);
}

/// <summary>Your authenticating server (exercises/02-auth/AuthServer), graded with a password the grader makes up.</summary>
public sealed class AuthServerGrade() : GradedExercise(() => Grade.AuthServerAsync(KitPrograms.Submission("02-auth", "AuthServer")))
{
    public static TheoryData<string> Checks => ChecksOf(AuthServer);
}

/// <summary>Your authenticating client (exercises/02-auth/AuthClient), run against the grader playing the server.</summary>
public sealed class AuthClientGrade() : GradedExercise(() => Grade.AuthClientAsync(KitPrograms.Submission("02-auth", "AuthClient")))
{
    public static TheoryData<string> Checks => ChecksOf(AuthClient);
}

public sealed class AuthServerTests(AuthServerGrade grade) : IClassFixture<AuthServerGrade>
{
    public static TheoryData<string> Checks => AuthServerGrade.Checks;

    [Theory]
    [MemberData(nameof(Checks))]
    public Task AuthServer_passes(string check) => grade.AssertPassedAsync(check);
}

public sealed class AuthClientTests(AuthClientGrade grade) : IClassFixture<AuthClientGrade>
{
    public static TheoryData<string> Checks => AuthClientGrade.Checks;

    [Theory]
    [MemberData(nameof(Checks))]
    public Task AuthClient_passes(string check) => grade.AssertPassedAsync(check);
}
