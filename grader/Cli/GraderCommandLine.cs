using System.CommandLine;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.AuthClient;
using SocketExercises.Grader.Checks.AuthServer;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The grader's command line, a contract that scripts and CI rely on:
/// <c>check echo-server --port N [--host H] [--start CMD]</c> and <c>check echo-client --client CMD [--listen-port N]</c>.
/// Exit codes: 0 every check passed, 1 a check failed, 2 a usage error or nothing could be graded.
/// </summary>
public static class GraderCommandLine
{
    private const int Interrupted = 130;

    // A client is run several times, and a dotnet run may build first: more than a server's 20 s.
    private static readonly GradingOptions ClientGrading = new() { TotalTimeLimit = TimeSpan.FromSeconds(120) };

    public static RootCommand Build(Action<IServiceCollection>? configure = null)
    {
        var check = new Command("check", "Grade a server or a client of an exercise over a real TCP connection")
        {
            EchoServerCommand(configure),
            EchoClientCommand(configure),
            AuthServerCommand(configure),
            AuthClientCommand(configure),
        };
        return new RootCommand("Grader for the socket exercises: checks a server or client on the wire against docs/protocol.md.") { check };
    }

    private static Command EchoServerCommand(Action<IServiceCollection>? configure)
    {
        var server = new ServerArguments();
        var command = new Command(ServiceCollectionExtensions.EchoServer, """
            Grade an echo server (docs/protocol.md, exercise 01), running or started with --start.

            Examples:
              dotnet run --project grader -- check echo-server --port 65432
              dotnet run --project grader -- check echo-server --start "dotnet run --project solutions/01-echo/EchoServer"
              dotnet run --project grader -- check echo-server --start "python3 server.py" --json report.json
            """);
        server.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, server.Reports, new GradingOptions(), configure, (provider, token) =>
            provider.GetRequiredService<ServerGrader>().GradeAsync(
                server.Request(parsed, ServiceCollectionExtensions.EchoServer, []), (wire, _) => wire, token), cancellationToken));
        return command;
    }

    private static Command AuthServerCommand(Action<IServiceCollection>? configure)
    {
        var server = new ServerArguments();
        var password = PasswordOption("The password the server expects; with --start the grader makes one up if none is given");
        var loginTimeout = new Option<double>("--login-timeout")
        {
            Description = "Seconds the server gives a client to log in; a started server is given it as SOCKET_LOGIN_TIMEOUT and {login-timeout}",
            DefaultValueFactory = _ => 5,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--login-timeout", result),
        };
        var command = new Command(ServiceCollectionExtensions.AuthServer, """
            Grade a server that checks a password before it echoes (docs/protocol.md, exercise 02).
            A started server gets its password as SOCKET_PASSWORD and {password}.

            Examples:
              dotnet run --project grader -- check auth-server --start "dotnet run --project solutions/02-auth/AuthServer"
              dotnet run --project grader -- check auth-server --port 65432 --password "$SOCKET_PASSWORD"
            """)
        {
            password, loginTimeout,
        };
        server.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, server.Reports, new GradingOptions(), configure, (provider, token) =>
        {
            string secret = parsed.GetValue(password) ?? (parsed.GetValue(server.Start) is { Length: > 0 }
                ? MakePassword()
                : throw new ExerciseException("--password is needed to grade a running server. (With --start, the grader makes one up and gives it to the server.)", ExitCodes.Usage));
            var timeout = TimeSpan.FromSeconds(parsed.GetValue(loginTimeout));
            var request = server.Request(parsed, ServiceCollectionExtensions.AuthServer, AuthServerTarget.Settings(secret, timeout));
            return provider.GetRequiredService<ServerGrader>().GradeAsync(
                request, (wire, started) => new AuthServerTarget(wire, secret, timeout, started), token);
        }, cancellationToken));
        return command;
    }

    private static Command EchoClientCommand(Action<IServiceCollection>? configure)
    {
        var client = new ClientArguments();
        var message = new Option<string>("--message")
        {
            Description = "The message the client is expected to send",
            DefaultValueFactory = _ => "Hello, world",
        };
        var command = new Command(ServiceCollectionExtensions.EchoClient, """
            Grade an echo client (docs/protocol.md, exercise 01): the grader plays the server and runs the client against it.

            Examples:
              dotnet run --project grader -- check echo-client --client "dotnet run --project solutions/01-echo/EchoClient -- --port {port}"
              dotnet run --project grader -- check echo-client --client "python3 client.py" --listen-port 65432
            """)
        {
            message,
        };
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, client.Reports, ClientGrading, configure, (provider, token) =>
        {
            return provider.GetRequiredService<ClientGrader>().GradeAsync(
                client.Request(parsed, ServiceCollectionExtensions.EchoClient, []),
                played => EchoClientUnderTest.For(provider, played, parsed.GetRequiredValue(message)),
                token);
        }, cancellationToken));
        return command;
    }

    private static Command AuthClientCommand(Action<IServiceCollection>? configure)
    {
        var client = new ClientArguments();
        var password = PasswordOption("The password to give the client; the grader makes one up if none is given");
        var command = new Command(ServiceCollectionExtensions.AuthClient, """
            Grade a client that logs in with a password (docs/protocol.md, exercise 02): the grader plays the server.
            The client gets its password as SOCKET_PASSWORD and {password}.

            Examples:
              dotnet run --project grader -- check auth-client --client "dotnet run --project solutions/02-auth/AuthClient -- --port {port}"
            """)
        {
            password,
        };
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, client.Reports, ClientGrading, configure, (provider, token) =>
        {
            string secret = parsed.GetValue(password) ?? MakePassword();
            return provider.GetRequiredService<ClientGrader>().GradeAsync(
                client.Request(parsed, ServiceCollectionExtensions.AuthClient, [AuthServerTarget.PasswordSetting(secret)]),
                played => AuthClientUnderTest.For(provider, played, secret),
                token);
        }, cancellationToken));
        return command;
    }

    private static Option<string?> PasswordOption(string description) => new("--password") { Description = description };

    // Letters only, in both cases: every check that changes a letter's case has something to change.
    private static string MakePassword() =>
        RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ", 16);

    private static async Task<int> RunAsync(
        ParseResult parsed,
        ReportArguments reports,
        GradingOptions options,
        Action<IServiceCollection>? configure,
        Func<IServiceProvider, CancellationToken, Task<GradeReport>> grade,
        CancellationToken cancellationToken)
    {
        // The language is chosen first: checks word their failures as they run.
        Language.Use(Language.Resolve(parsed.GetValue(reports.Lang)));
        // Ctrl+C or SIGTERM stops grading, and with it every program the grader started.
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        try
        {
            options = options with
            {
                Seed = parsed.GetValue(reports.Seed) ?? Random.Shared.Next(),
                Points = parsed.GetValue(reports.Points) is { Length: > 0 } points ? PointsTable.Defaults.WithOverrides(points) : PointsTable.Defaults,
            };
            await using var provider = GraderServices.Build(options, configure);
            var report = await grade(provider, cancellationToken);
            await reports.WriteAsync(parsed, provider, report, cancellationToken);
            return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
        }
        catch (Exception e) when (e is PortInUseException or ExerciseException)
        {
            await Console.Error.WriteLineAsync(string.Format(Strings.CouldNotGrade, e.Message));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync(Strings.GradingInterrupted);
            return Interrupted;
        }
    }
}

/// <summary>The options every server command takes: where the server listens, and how to start it.</summary>
internal sealed class ServerArguments
{
    public EndpointOptions Endpoint { get; } = new();

    public Option<string?> Start { get; } = new("--start")
    {
        Description = "Start the server with this shell command, wait until it listens, grade it, then stop it. {host} and {port} in the command are replaced, and SOCKET_HOST/SOCKET_PORT are set",
        HelpName = "command",
    };

    public Option<double> StartTimeout { get; } = new("--start-timeout")
    {
        Description = "Seconds the started server may take to listen (dotnet run builds first)",
        DefaultValueFactory = _ => 60,
        CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--start-timeout", result),
    };

    public ReportArguments Reports { get; } = new(startOption: "--start");

    public void AddTo(Command command)
    {
        command.Options.Add(Start);
        command.Options.Add(StartTimeout);
        Endpoint.AddTo(command);
        Reports.AddTo(command, parsed => parsed.GetValue(Start));
    }

    public ServerGradingRequest Request(ParseResult parsed, string exercise, IReadOnlyList<ProgramSetting> settings)
    {
        var host = parsed.GetRequiredValue(Endpoint.Host);
        return new ServerGradingRequest(
            exercise,
            new IPEndPoint(EndpointOptions.Resolve(host), parsed.GetValue(Endpoint.Port)),
            parsed.GetValue(Start) is { Length: > 0 } text ? new ShellCommand(text) : null,
            TimeSpan.FromSeconds(parsed.GetValue(StartTimeout)),
            settings);
    }
}

/// <summary>The options every client command takes: the client's command, and where the grader listens.</summary>
internal sealed class ClientArguments
{
    public Option<string> Client { get; } = new("--client")
    {
        Description = "The shell command that runs the client. {host} and {port} in it are replaced with where the grader listens, and SOCKET_HOST/SOCKET_PORT are set",
        HelpName = "command",
        Required = true,
    };

    public Option<int> ListenPort { get; } = new("--listen-port")
    {
        Description = "The port the grader listens on while playing the server; 0 picks a free one. Use 65432 for a client that always connects there",
        DefaultValueFactory = _ => 0,
        CustomParser = result => OptionParsers.Port(OptionParsers.Token(result), "--listen-port", result, min: 0),
    };

    public ReportArguments Reports { get; } = new(startOption: "--client");

    public void AddTo(Command command)
    {
        command.Options.Add(Client);
        command.Options.Add(ListenPort);
        Reports.AddTo(command, parsed => parsed.GetValue(Client));
    }

    public ClientGradingRequest Request(ParseResult parsed, string exercise, IReadOnlyList<ProgramSetting> settings) => new(
        exercise,
        new ShellCommand(parsed.GetRequiredValue(Client)),
        new IPEndPoint(IPAddress.Loopback, parsed.GetValue(ListenPort)),
        settings);
}
