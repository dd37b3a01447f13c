using System.Net;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.AuthClient;
using SocketExercises.Grader.Checks.AuthServer;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Grading;

/// <summary>
/// Each exercise's grading in one call, with what the exercise needs besides the program (a message, a
/// password): the one place that ties an exercise's name to its target, for the command line and the batch alike.
/// </summary>
public sealed class ExerciseGrading(IServiceProvider services, ServerGrader servers, ClientGrader clients)
{
    /// <summary>The message an echo client is expected to send unless told otherwise.</summary>
    public const string DefaultMessage = "Hello, world";

    /// <summary>The login timeout an auth server is graded with unless told otherwise.</summary>
    public static readonly TimeSpan DefaultLoginTimeout = TimeSpan.FromSeconds(5);

    public Task<GradeReport> EchoServerAsync(IPEndPoint endpoint, ShellCommand? start, TimeSpan startTimeout, CancellationToken cancellationToken) =>
        servers.GradeAsync(
            new ServerGradingRequest(ServiceCollectionExtensions.EchoServer, endpoint, start, startTimeout, []),
            (wire, _) => wire,
            cancellationToken);

    public Task<GradeReport> AuthServerAsync(
        IPEndPoint endpoint, ShellCommand? start, TimeSpan startTimeout, string password, TimeSpan loginTimeout, CancellationToken cancellationToken) =>
        servers.GradeAsync(
            new ServerGradingRequest(ServiceCollectionExtensions.AuthServer, endpoint, start, startTimeout, AuthServerTarget.Settings(password, loginTimeout)),
            (wire, started) => new AuthServerTarget(wire, password, loginTimeout, started),
            cancellationToken);

    public Task<GradeReport> EchoClientAsync(ShellCommand client, IPEndPoint listen, string message, CancellationToken cancellationToken) =>
        clients.GradeAsync(
            new ClientGradingRequest(ServiceCollectionExtensions.EchoClient, client, listen, []),
            played => EchoClientUnderTest.For(services, played, message),
            cancellationToken);

    public Task<GradeReport> AuthClientAsync(ShellCommand client, IPEndPoint listen, string password, CancellationToken cancellationToken) =>
        clients.GradeAsync(
            new ClientGradingRequest(ServiceCollectionExtensions.AuthClient, client, listen, [AuthServerTarget.PasswordSetting(password)]),
            played => AuthClientUnderTest.For(services, played, password),
            cancellationToken);
}
