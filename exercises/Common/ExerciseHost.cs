using System.CommandLine;
using System.Net.Sockets;

namespace SocketExercises.Common;

/// <summary>
/// Runs an exercise program: parses its command line, hands it a token that Ctrl+C or SIGTERM cancels,
/// and turns the errors a student meets (a TODO not done, a port in use, no server listening, a timeout)
/// into one clear line and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public static class ExerciseHost
{
    private const string DefaultMessage = "Hello, world";
    private static readonly string Program = AppDomain.CurrentDomain.FriendlyName;

    /// <summary>Runs a server: <paramref name="serve"/> gets where to listen and returns when the token stops it.</summary>
    public static Task<int> RunServerAsync(
        string[] args, string description, Func<ServerOptions, CancellationToken, Task> serve)
    {
        var endpoint = new EndpointOptions();
        var command = new RootCommand(description);
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping =>
        {
            var host = parsed.GetRequiredValue(endpoint.Host);
            var options = new ServerOptions(host, EndpointOptions.Resolve(host), parsed.GetValue(endpoint.Port));
            return serve(options, stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    /// <summary>Runs a client: <paramref name="talk"/> gets the server's address and the message to send.</summary>
    public static Task<int> RunClientAsync(
        string[] args, string description, Func<ClientOptions, CancellationToken, Task> talk)
    {
        var endpoint = new EndpointOptions();
        var message = new Argument<string>("message")
        {
            Description = "The message to send",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultMessage,
        };
        var interactive = new Option<bool>("--interactive", "-i")
        {
            Description = "Send each line typed on standard input and print each reply, until the input ends",
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the server to accept or answer",
            DefaultValueFactory = _ => 10,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--timeout", result),
        };

        var command = new RootCommand(description) { message, interactive, timeout };
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping =>
        {
            var host = parsed.GetRequiredValue(endpoint.Host);
            var options = new ClientOptions(
                host,
                EndpointOptions.Resolve(host),
                parsed.GetValue(endpoint.Port),
                parsed.GetRequiredValue(message),
                parsed.GetValue(interactive),
                TimeSpan.FromSeconds(parsed.GetValue(timeout)));
            return talk(options, stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    private static async Task<int> GuardAsync(Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        using var signals = new ShutdownSignals(cancellationToken);
        var stopping = signals.Token;
        try
        {
            await run(stopping);
            return ExitCodes.Success;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return ExitCodes.Success; // Ctrl+C or SIGTERM: stopping is the expected way to end a server
        }
        catch (Exception e)
        {
            var (message, exitCode) = Describe(e);
            await Console.Error.WriteLineAsync($"{Program}: {message}");
            return exitCode;
        }
    }

    private static (string Message, int ExitCode) Describe(Exception e) => e switch
    {
        TodoNotDoneException todo =>
            ($"{todo.Message} Open Program.cs and follow the numbered TODOs.", ExitCodes.TodoNotDone),
        ExerciseException known => (known.Message, known.ExitCode),
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            ("The port is already in use: is another server still running? Stop it or choose --port.", ExitCodes.Failure),
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } =>
            ("Nothing is listening there: start the server first, on the same host and port.", ExitCodes.Failure),
        SocketException socket => ($"Network error: {socket.Message} ({socket.SocketErrorCode}).", ExitCodes.Failure),
        OperationCanceledException => ("Timed out: the other side did not answer in time.", ExitCodes.Failure),
        IOException io => (io.Message, ExitCodes.Failure),
        _ => throw new InvalidOperationException($"{Program} failed unexpectedly.", e),
    };
}
