using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Exercises.Chat.Client;
using SocketExercises.Testing;
using static SocketExercises.Testing.Kit;

namespace SocketExercises.Grader.Tests;

public sealed class ReferenceSolutionTests
{
    [Fact]
    public async Task The_reference_echo_server_passes_every_check()
    {
        // Given the reference echo server, started by the grader
        // When it is graded
        var report = await Grade.ServerAsync(EchoServer, KitPrograms.SolutionEchoServer);

        // Then every check passes, and the server did not need restarting
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(12, report.Passed);
        Assert.Empty(report.Notes);
    }

    [Fact]
    public async Task The_reference_echo_client_passes_every_check()
    {
        var report = await Grade.EchoClientAsync(KitPrograms.SolutionEchoClient);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(5, report.Passed);
    }

    [Theory]
    [InlineData("--port {port}")]
    [InlineData("--port {port} {message}")]
    [InlineData("--port {port} --message {message}")]
    public async Task The_reference_echo_client_sends_the_message_it_is_given_however_it_is_given(string arguments)
    {
        // Given a message with Croatian letters, quotes and a character beyond the Basic Multilingual Plane,
        // handed over as SOCKET_MESSAGE, and as an argument (quoted for the shell) where the command says so
        const string message = "Rekla je: \"Dobar dan, čćžšđ!\" i mahnula 👋, it's done";
        var client = KitPrograms.Project("solutions/01-echo/EchoClient", arguments);

        // When the grader gives it to the reference client
        var report = await Grade.EchoClientAsync(client, message);

        // Then the client sends exactly its UTF-8 bytes and prints it back
        Assert.True(report.Succeeded, report.Describe());
    }

    [Fact]
    public async Task A_client_that_knows_only_one_port_is_graded_when_the_grader_listens_there()
    {
        // Given a client that always connects to one fixed port, as the course's first example does
        int port = Grade.FreePort();
        var client = KitPrograms.Project("solutions/01-echo/EchoClient", $"--port {port}");

        // When the grader is told to listen on that port (--listen-port)
        var report = await Grade.EchoClientAsync(client, listenPort: port);

        // Then both runs of the client reach it
        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(CheckStatus.Passed, report.Results.Single(r => r.Info.Id == "echo-client.reassembles-pieces").Status);
    }

    [Fact]
    public async Task The_reference_auth_server_passes_every_check()
    {
        var report = await Grade.AuthServerAsync(KitPrograms.SolutionAuthServer);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(17, report.Passed);
    }

    [Fact]
    public async Task The_reference_auth_client_passes_every_check()
    {
        var report = await Grade.AuthClientAsync(KitPrograms.SolutionAuthClient);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(6, report.Passed);
    }

    [Fact]
    public async Task The_reference_chat_server_passes_every_check()
    {
        var report = await Grade.ServerAsync(ChatServer, KitPrograms.SolutionChatServer);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(ChatServer.Checks.Count, report.Passed);
    }

    [Fact]
    public async Task The_reference_chat_client_passes_every_check()
    {
        var report = await Grade.ProgramAsync(ChatClient, KitPrograms.SolutionChatClient, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Describe());
        Assert.Equal(ChatClient.Checks.Count, report.Passed);
    }

    [Fact]
    public async Task The_reference_chat_client_joins_with_the_name_it_is_given_on_its_command_line()
    {
        var arguments = ExerciseArguments.Defaults(graderRunsProgram: true).With(ChatClientExercise.Nick, "Ana-Marija_2");

        var report = await Grade.ProgramAsync(ChatClient, KitPrograms.Project("solutions/03-chat/ChatClient", "--port {port} --nick {nick}"), arguments: arguments, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(report.Succeeded, report.Describe());
    }
}
