using System.CommandLine;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Common;
using SocketExercises.Grader.Bench;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Composition;
using SocketExercises.Grader.Exercises.Auth;
using SocketExercises.Grader.Exercises.Auth.Server;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Scoring;
using SocketExercises.Grader.Texts;

namespace SocketExercises.Grader.Cli;

/// <summary>
/// <c>bench echo-server</c>, <c>auth-server</c>, <c>challenge-server</c>: loads a server (one already running at
/// <c>--port</c>, or one it starts with <c>--start</c>) with echo round trips, after a login where the server wants
/// one, and prints its throughput, round trips and latency, and what they say about it.
/// </summary>
internal static class BenchCommand
{
    public static Command Build() => new("bench", Strings.HelpBench)
    {
        Server("echo-server", Strings.HelpBenchEchoServer, """
              dotnet run --project grader -- bench echo-server --start "dotnet run --project exercises/01-echo/EchoServer"
              dotnet run --project grader -- bench echo-server --port 65432 --connections 64 --block 64
            """, logIn: null),
        Server("auth-server", Strings.HelpBenchAuthServer, """
              dotnet run --project grader -- bench auth-server --start "dotnet run --project exercises/02-auth/AuthServer"
              dotnet run --project grader -- bench auth-server --port 65432 --password "$SOCKET_PASSWORD" --connections 64 --block 64
            """, BenchLogins.Password),
        Server("challenge-server", Strings.HelpBenchChallengeServer, """
              dotnet run --project grader -- bench challenge-server --start "dotnet run --project exercises/04-challenge/ChallengeServer"
              dotnet run --project grader -- bench challenge-server --port 65432 --password "$SOCKET_PASSWORD"
            """, BenchLogins.Challenge),
    };

    /// <param name="logIn">How a connection logs in, given the password; null for a server that wants none.</param>
    private static Command Server(string name, string help, string examples, Func<string, BenchLogin>? logIn)
    {
        var endpoint = new EndpointOptions();
        var start = new Option<string?>("--start") { Description = Strings.HelpStart, HelpName = "command" };
        var connections = new Option<int>("--connections")
        {
            Description = Strings.HelpBenchConnections,
            DefaultValueFactory = _ => 1,
            CustomParser = result => Positive(result, "--connections", 10_000),
        };
        var block = new Option<int>("--block")
        {
            Description = Strings.HelpBenchBlock,
            DefaultValueFactory = _ => 64 * 1024,
            CustomParser = result => Positive(result, "--block", 16 * 1024 * 1024),
        };
        var seconds = new Option<double>("--seconds")
        {
            Description = Strings.HelpBenchSeconds,
            DefaultValueFactory = _ => 3,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--seconds", result),
        };
        var password = new Option<string?>("--password") { Description = AuthTexts.HelpServerPassword };
        var command = new Command(name, GraderCommandLine.Help(help, Strings.HelpExamples, examples))
        {
            start, connections, block, seconds,
        };
        if (logIn is not null)
        {
            command.Add(password);
        }
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) =>
        {
            var load = new Load(
                new IPEndPoint(EndpointOptions.Resolve(parsed.GetRequiredValue(endpoint.Host)), parsed.GetValue(endpoint.Port)),
                parsed.GetValue(connections),
                parsed.GetValue(block),
                TimeSpan.FromSeconds(parsed.GetValue(seconds)));
            string? command = parsed.GetValue(start) is { Length: > 0 } given ? given : null;
            if (logIn is null)
            {
                return RunAsync(load, command, [], null, cancellationToken);
            }
            // A server the bench starts gets a password made up for it, as the grader gives one; a running one's must be told.
            string? secret = parsed.GetValue(password) ?? (command is null ? null : Passwords.Make());
            if (secret is null)
            {
                Console.Error.WriteLine(Strings.BenchPasswordNeeded);
                return Task.FromResult(ExitCodes.Usage);
            }
            return RunAsync(load, command, AuthServerTarget.Settings(secret, Settings.DefaultLoginTimeout), logIn(secret), cancellationToken);
        });
        return command;
    }

    /// <summary>What to load, and how hard.</summary>
    private sealed record Load(IPEndPoint Server, int Connections, int Block, TimeSpan Duration);

    private static async Task<int> RunAsync(
        Load load, string? start, IReadOnlyList<ProgramSetting> settings, BenchLogin? logIn, CancellationToken cancellationToken)
    {
        InlineCompletions.Use(); // before the first socket
        using var signals = new ShutdownSignals(cancellationToken);
        cancellationToken = signals.Token;
        await using var services = GraderServices.Build(new GradingOptions { Points = PointsTable.Of([]) });
        var (server, connections, block, duration) = load;
        StartedServer? started = null;
        try
        {
            if (start is not null)
            {
                started = new StartedServer(
                    services.GetRequiredService<ServerLauncher>(), new ShellCommand(start), server, [.. settings, InlineCompletions.AsStarted], TimeSpan.FromSeconds(60));
                await started.StartAsync(cancellationToken);
            }
            Console.WriteLine(Strings.FormatBenchRunning(server, connections, Counted.Bytes(block), Durations.Format(duration)));
            bool live = !Console.IsErrorRedirected;
            var result = await EchoLoad.RunAsync(
                server, connections, block, duration, live ? echoed => Console.Error.Write($"\r  {echoed / 1048576.0:0.0} MiB echoed ") : null, cancellationToken, logIn);
            await Task.Yield(); // off the socket thread the last connection's end may have run on: what follows may block
            if (live)
            {
                Console.Error.Write("\r" + new string(' ', 40) + "\r");
            }
            if (result.Unreached == connections)
            {
                await Console.Error.WriteLineAsync(Strings.FormatBenchUnreachable(server));
                return ExitCodes.Usage;
            }
            Console.WriteLine(Strings.FormatBenchThroughput($"{result.MebibytesPerSecond:#,0.0}"));
            Console.WriteLine(Strings.FormatBenchRoundTrips($"{result.RoundTripsPerSecond:#,0}"));
            Console.WriteLine(Strings.FormatBenchLatency(Milliseconds(result.Percentile(50)), Milliseconds(result.Percentile(99))));
            foreach (string sentence in BenchDiagnosis.Of(result, connections, block))
            {
                Console.WriteLine();
                Console.WriteLine(sentence);
            }
            return result.RoundTrips > 0 ? ExitCodes.Success : 1;
        }
        catch (Exception e) when (e is ServerStartException or PortInUseException or GraderEnvironmentException)
        {
            await Console.Error.WriteLineAsync(Strings.FormatCouldNotGrade(e.Message));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return GraderCommandLine.Interrupted;
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }

    private static string Milliseconds(TimeSpan time) => $"{time.TotalMilliseconds:0.00} ms";

    private static int Positive(System.CommandLine.Parsing.ArgumentResult result, string option, int most)
    {
        string text = OptionParsers.Token(result);
        if (int.TryParse(text, out int value) && value >= 1 && value <= most)
        {
            return value;
        }
        result.AddError(Strings.FormatBenchPositive(option, most));
        return 0;
    }
}
