using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// The grader's command line, a contract that scripts and CI rely on:
/// <c>check echo-server --port N [--host H] [--start CMD]</c> and <c>check echo-client --client CMD [--listen-port N]</c>.
/// Exit codes: 0 every check passed, 1 a check failed, 2 a usage error or nothing could be graded.
/// </summary>
public static class GraderCommandLine
{
    private const int Interrupted = 130;

    // A client is run twice, and a dotnet run may build first: more than a server's 20 s.
    private static readonly TimeSpan ClientGradingLimit = TimeSpan.FromSeconds(90);

    private static readonly Option<string?> Json = new("--json")
    {
        Description = "Also write the results as JSON to this file, for scripts and CI",
        HelpName = "file",
    };

    private static readonly Option<int?> Seed = new("--seed")
    {
        Description = "Make the payloads from this seed, to replay an earlier run (each report prints its seed)",
    };

    public static RootCommand Build(Action<IServiceCollection>? configure = null)
    {
        var check = new Command("check", "Grade a server or a client of an exercise over a real TCP connection")
        {
            EchoServerCommand(configure),
            EchoClientCommand(configure),
        };
        return new RootCommand("Grader for the socket exercises: checks a server or client on the wire against docs/protocol.md.") { check };
    }

    private static Command EchoServerCommand(Action<IServiceCollection>? configure)
    {
        var endpoint = new EndpointOptions();
        var start = new Option<string?>("--start")
        {
            Description = "Start the server with this shell command, wait until it listens, grade it, then stop it. {host} and {port} in the command are replaced, and SOCKET_HOST/SOCKET_PORT are set",
            HelpName = "command",
        };
        var startTimeout = new Option<double>("--start-timeout")
        {
            Description = "Seconds the started server may take to listen (dotnet run builds first)",
            DefaultValueFactory = _ => 60,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--start-timeout", result),
        };
        var command = new Command(ServiceCollectionExtensions.EchoServer, """
            Grade an echo server (docs/protocol.md, part 1), running or started with --start.

            Examples:
              dotnet run --project grader -- check echo-server --port 65432
              dotnet run --project grader -- check echo-server --start "dotnet run --project solutions/01-echo/EchoServer"
              dotnet run --project grader -- check echo-server --start "python3 server.py" --json report.json
            """)
        {
            start, startTimeout, Json, Seed,
        };
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, new GradingOptions(), configure, async (provider, token) =>
        {
            var host = parsed.GetRequiredValue(endpoint.Host);
            var address = EndpointOptions.Resolve(host);
            var request = new ServerGradingRequest(
                ServiceCollectionExtensions.EchoServer,
                new IPEndPoint(address, parsed.GetValue(endpoint.Port)),
                parsed.GetValue(start) is { Length: > 0 } text ? new ShellCommand(text) : null,
                TimeSpan.FromSeconds(parsed.GetValue(startTimeout)));
            return await provider.GetRequiredService<ServerGrader>().GradeAsync(request, token);
        }, cancellationToken));
        return command;
    }

    private static Command EchoClientCommand(Action<IServiceCollection>? configure)
    {
        var client = new Option<string>("--client")
        {
            Description = "The shell command that runs the client. {host} and {port} in it are replaced with where the grader listens, and SOCKET_HOST/SOCKET_PORT are set",
            HelpName = "command",
            Required = true,
        };
        var listenPort = new Option<int>("--listen-port")
        {
            Description = "The port the grader listens on while playing the server; 0 picks a free one. Use 65432 for a client that always connects there",
            DefaultValueFactory = _ => 0,
            CustomParser = result => OptionParsers.Port(OptionParsers.Token(result), "--listen-port", result, min: 0),
        };
        var message = new Option<string>("--message")
        {
            Description = "The message the client is expected to send",
            DefaultValueFactory = _ => "Hello, world",
        };
        var command = new Command(ServiceCollectionExtensions.EchoClient, """
            Grade an echo client (docs/protocol.md, part 2): the grader plays the server and runs the client against it.

            Examples:
              dotnet run --project grader -- check echo-client --client "dotnet run --project solutions/01-echo/EchoClient -- --port {port}"
              dotnet run --project grader -- check echo-client --client "python3 client.py" --listen-port 65432
            """)
        {
            client, listenPort, message, Json, Seed,
        };
        var options = new GradingOptions { TotalTimeLimit = ClientGradingLimit };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed, options, configure, async (provider, token) =>
        {
            var request = new ClientGradingRequest(
                ServiceCollectionExtensions.EchoClient,
                new ShellCommand(parsed.GetRequiredValue(client)),
                new IPEndPoint(IPAddress.Loopback, parsed.GetValue(listenPort)),
                new Dictionary<string, string>());
            var echo = provider.GetRequiredService<EchoPlay>();
            return await provider.GetRequiredService<ClientGrader>().GradeAsync(
                request, server => new EchoClientUnderTest(server, echo, parsed.GetRequiredValue(message)), token);
        }, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parsed,
        GradingOptions options,
        Action<IServiceCollection>? configure,
        Func<IServiceProvider, CancellationToken, Task<GradeReport>> grade,
        CancellationToken cancellationToken)
    {
        options = options with { Seed = parsed.GetValue(Seed) ?? Random.Shared.Next() };
        await using var provider = GraderServices.Build(options, configure);
        // Ctrl+C or SIGTERM stops grading, and with it every program the grader started.
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        GradeReport report;
        try
        {
            report = await grade(provider, cancellationToken);
        }
        catch (Exception e) when (e is PortInUseException or ExerciseException)
        {
            await Console.Error.WriteLineAsync($"Could not grade: {e.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Grading interrupted.");
            return Interrupted;
        }

        provider.GetRequiredService<ConsoleReport>().Write(report, Console.Out);
        if (parsed.GetValue(Json) is { Length: > 0 } path)
        {
            try
            {
                await provider.GetRequiredService<JsonReport>().WriteAsync(report, path, cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"Could not write the JSON report to {path}: {e.Message}");
                return ExitCodes.Usage;
            }
        }
        return report.Succeeded ? ExitCodes.Success : ExitCodes.Failure;
    }
}
