using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.AuthServer;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The grader's command line, a contract that scripts and CI rely on:
/// <c>check echo-server --port N [--host H] [--start CMD]</c> and <c>check echo-client --client CMD [--listen-port N]</c>.
/// Exit codes: 0 every check passed, 1 a check failed, 2 a usage error or nothing could be graded.
/// </summary>
public static class GraderCommandLine
{
    internal const int Interrupted = 130;

    // A client is run several times, and a dotnet run may build first: more than a server's 20 s.
    private static readonly GradingOptions ClientGrading = new() { TotalTimeLimit = TimeSpan.FromSeconds(120) };

    public static RootCommand Build(Action<IServiceCollection>? configure = null)
    {
        var check = new Command("check", Strings.HelpCheck)
        {
            EchoServerCommand(configure),
            EchoClientCommand(configure),
            AuthServerCommand(configure),
            AuthClientCommand(configure),
        };
        return new RootCommand(Strings.HelpRoot)
        {
            check,
            GradeAllCommand.Build(configure),
        };
    }

    private static Command EchoServerCommand(Action<IServiceCollection>? configure)
    {
        var server = new ServerArguments();
        var command = new Command(ServiceCollectionExtensions.EchoServer, Help(Strings.HelpEchoServer, Strings.HelpExamples, """
              dotnet run --project grader -- check echo-server --port 65432
              dotnet run --project grader -- check echo-server --start "dotnet run --project solutions/01-echo/EchoServer"
              dotnet run --project grader -- check echo-server --start "python3 server.py" --json report.json
            """));
        server.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, server.Reports, new GradingOptions(), server.Configure(parsed, configure), (provider, token) =>
            provider.GetRequiredService<ExerciseGrading>().EchoServerAsync(
                server.Endpoint(parsed), server.StartCommand(parsed), server.StartTimeoutOf(parsed), token), cancellationToken));
        return command;
    }

    private static Command AuthServerCommand(Action<IServiceCollection>? configure)
    {
        var server = new ServerArguments();
        var password = PasswordOption(Strings.HelpServerPassword);
        var loginTimeout = new Option<double>("--login-timeout")
        {
            Description = Strings.HelpLoginTimeout,
            DefaultValueFactory = _ => 5,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--login-timeout", result),
        };
        var command = new Command(ServiceCollectionExtensions.AuthServer, Help(Strings.HelpAuthServer, Strings.HelpExamples, """
              dotnet run --project grader -- check auth-server --start "dotnet run --project solutions/02-auth/AuthServer"
              dotnet run --project grader -- check auth-server --port 65432 --password "$SOCKET_PASSWORD"
            """))
        {
            password, loginTimeout,
        };
        server.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, server.Reports, new GradingOptions(), server.Configure(parsed, configure), (provider, token) =>
        {
            string secret = parsed.GetValue(password) ?? (parsed.GetValue(server.Start) is { Length: > 0 }
                ? Passwords.Make()
                : throw new ExerciseException(Strings.ErrorPasswordNeeded, ExitCodes.Usage));
            var timeout = TimeSpan.FromSeconds(parsed.GetValue(loginTimeout));
            return provider.GetRequiredService<ExerciseGrading>().AuthServerAsync(
                server.Endpoint(parsed), server.StartCommand(parsed), server.StartTimeoutOf(parsed), secret, timeout, token);
        }, cancellationToken));
        return command;
    }

    private static Command EchoClientCommand(Action<IServiceCollection>? configure)
    {
        var client = new ClientArguments();
        var message = new Option<string>("--message")
        {
            Description = Strings.HelpMessage,
            DefaultValueFactory = _ => "Hello, world",
        };
        var command = new Command(ServiceCollectionExtensions.EchoClient, Help(Strings.HelpEchoClient, Strings.HelpExamples, """
              dotnet run --project grader -- check echo-client --client "dotnet run --project solutions/01-echo/EchoClient -- --port {port}"
              dotnet run --project grader -- check echo-client --client "python3 client.py" --listen-port 65432
            """))
        {
            message,
        };
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, client.Reports, ClientGrading, client.Configure(parsed, configure), (provider, token) =>
        {
            return provider.GetRequiredService<ExerciseGrading>().EchoClientAsync(
                client.Command(parsed), client.Listen(parsed), parsed.GetRequiredValue(message), token);
        }, cancellationToken));
        return command;
    }

    private static Command AuthClientCommand(Action<IServiceCollection>? configure)
    {
        var client = new ClientArguments();
        var password = PasswordOption(Strings.HelpClientPassword);
        var command = new Command(ServiceCollectionExtensions.AuthClient, Help(Strings.HelpAuthClient, Strings.HelpExamples, """
              dotnet run --project grader -- check auth-client --client "dotnet run --project solutions/02-auth/AuthClient -- --port {port}"
              dotnet run --project grader -- check auth-client --client "python3 client.py" --listen-port 65432 --password secret
            """))
        {
            password,
        };
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, client.Reports, ClientGrading, client.Configure(parsed, configure), (provider, token) =>
        {
            string secret = parsed.GetValue(password) ?? Passwords.Make();
            return provider.GetRequiredService<ExerciseGrading>().AuthClientAsync(client.Command(parsed), client.Listen(parsed), secret, token);
        }, cancellationToken));
        return command;
    }

    private static Option<string?> PasswordOption(string description) => new("--password") { Description = description };

    /// <summary>A command's description in the chosen language, followed by its examples, which are the same in every language.</summary>
    internal static string Help(string description, string examplesHeading, string examples) =>
        $"{description}\n\n{examplesHeading}\n{examples}";

    private static async Task<int> RunAsync(
        ParseResult parsed,
        ReportArguments reports,
        GradingOptions options,
        Action<IServiceCollection>? configure,
        Func<IServiceProvider, CancellationToken, Task<GradeReport>> grade,
        CancellationToken cancellationToken)
    {
        reports.UseLanguage(parsed);
        // Ctrl+C or SIGTERM stops grading, and with it every program the grader started.
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        try
        {
            await using var provider = GraderServices.Build(reports.Apply(parsed, options), configure);
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
    public EndpointOptions EndpointOptions { get; } = new();

    public Option<string?> Start { get; } = new("--start")
    {
        Description = Strings.HelpStart,
        HelpName = "command",
    };

    public Option<double> StartTimeout { get; } = new("--start-timeout")
    {
        Description = Strings.HelpStartTimeout,
        DefaultValueFactory = _ => 60,
        CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--start-timeout", result),
    };

    public ReportArguments Reports { get; } = new(startOption: "--start");

    public SandboxArguments Sandbox { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Start);
        command.Options.Add(StartTimeout);
        EndpointOptions.AddTo(command);
        Sandbox.AddTo(command);
        Reports.AddTo(command, parsed => parsed.GetValue(Start));
    }

    /// <summary>The grader's services as this command line asks: the started server in a sandbox or not, then <paramref name="configure"/>'s changes.</summary>
    public Action<IServiceCollection> Configure(ParseResult parsed, Action<IServiceCollection>? configure) =>
        Sandbox.Configure(parsed, starts: StartCommand(parsed) is not null, configure);

    public IPEndPoint Endpoint(ParseResult parsed) =>
        new(EndpointOptions.Resolve(parsed.GetRequiredValue(EndpointOptions.Host)), parsed.GetValue(EndpointOptions.Port));

    public ShellCommand? StartCommand(ParseResult parsed) => parsed.GetValue(Start) is { Length: > 0 } text ? new ShellCommand(text) : null;

    public TimeSpan StartTimeoutOf(ParseResult parsed) => TimeSpan.FromSeconds(parsed.GetValue(StartTimeout));
}

/// <summary>The options every client command takes: the client's command, and where the grader listens.</summary>
internal sealed class ClientArguments
{
    public Option<string> Client { get; } = new("--client")
    {
        Description = Strings.HelpClient,
        HelpName = "command",
        Required = true,
    };

    public Option<int> ListenPort { get; } = new("--listen-port")
    {
        Description = Strings.HelpListenPort,
        DefaultValueFactory = _ => 0,
        CustomParser = result => OptionParsers.Port(OptionParsers.Token(result), "--listen-port", result, min: 0),
    };

    public ReportArguments Reports { get; } = new(startOption: "--client");

    public SandboxArguments Sandbox { get; } = new();

    public void AddTo(Command command)
    {
        command.Options.Add(Client);
        command.Options.Add(ListenPort);
        Sandbox.AddTo(command);
        Reports.AddTo(command, parsed => parsed.GetValue(Client));
    }

    /// <summary>The grader's services as this command line asks: the client in a sandbox or not, then <paramref name="configure"/>'s changes.</summary>
    public Action<IServiceCollection> Configure(ParseResult parsed, Action<IServiceCollection>? configure) =>
        Sandbox.Configure(parsed, starts: true, configure);

    public ShellCommand Command(ParseResult parsed) => new(parsed.GetRequiredValue(Client));

    public IPEndPoint Listen(ParseResult parsed) => new(IPAddress.Loopback, parsed.GetValue(ListenPort));
}
