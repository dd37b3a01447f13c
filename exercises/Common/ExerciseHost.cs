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
            return serve(new ServerOptions(host, EndpointOptions.Resolve(host), parsed.GetValue(endpoint.Port)), stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    /// <summary>Runs a server that checks a password: <paramref name="serve"/> also gets the password and the login timeout.</summary>
    public static Task<int> RunAuthServerAsync(
        string[] args, string description, Func<AuthServerOptions, CancellationToken, Task> serve)
    {
        var endpoint = new EndpointOptions();
        var password = PasswordOption("The password clients must send");
        var loginTimeout = new Option<double>("--login-timeout")
        {
            Description = $"Seconds a client may take to send its first line [env: {Settings.LoginTimeoutVariable}]",
            DefaultValueFactory = result => Environment.GetEnvironmentVariable(Settings.LoginTimeoutVariable) is { Length: > 0 } text
                ? OptionParsers.Seconds(text, Settings.LoginTimeoutVariable, result)
                : Settings.DefaultLoginTimeout.TotalSeconds,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--login-timeout", result),
        };
        var command = new RootCommand(description) { password, loginTimeout };
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping =>
        {
            var host = parsed.GetRequiredValue(endpoint.Host);
            var options = new AuthServerOptions(
                host,
                EndpointOptions.Resolve(host),
                parsed.GetValue(endpoint.Port),
                RequiredPassword(parsed.GetValue(password)),
                TimeSpan.FromSeconds(parsed.GetValue(loginTimeout)));
            return serve(options, stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    /// <summary>Runs a client: <paramref name="talk"/> gets the server's address and the message to send.</summary>
    public static Task<int> RunClientAsync(
        string[] args, string description, Func<ClientOptions, CancellationToken, Task> talk)
    {
        var client = new ClientArguments();
        var command = new RootCommand(description);
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping => talk(client.Read(parsed), stopping), cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    /// <summary>Runs a client that logs in: <paramref name="talk"/> also gets the password.</summary>
    public static Task<int> RunAuthClientAsync(
        string[] args, string description, Func<AuthClientOptions, CancellationToken, Task> talk)
    {
        var client = new ClientArguments();
        var password = PasswordOption("The password to log in with");
        var command = new RootCommand(description) { password };
        client.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping =>
        {
            var options = client.Read(parsed);
            string secret = RequiredPassword(parsed.GetValue(password));
            return talk(new AuthClientOptions(
                options.Host, options.Address, options.Port, secret, options.Message, options.Interactive, options.Timeout), stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    /// <summary>Runs a chat client: <paramref name="talk"/> gets the server's address and the name to join with.</summary>
    public static Task<int> RunChatClientAsync(
        string[] args, string description, Func<ChatClientOptions, CancellationToken, Task> talk)
    {
        var endpoint = new EndpointOptions();
        var nick = new Option<string?>("--nick")
        {
            Description = $"The name to join the room with [env: {Settings.NickVariable}]",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Settings.NickVariable),
        };
        var timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for the server to accept and to answer NICK",
            DefaultValueFactory = _ => 10,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--timeout", result),
        };
        var command = new RootCommand(description) { nick, timeout };
        endpoint.AddTo(command);
        command.SetAction((parsed, cancellationToken) => GuardAsync(stopping =>
        {
            var host = parsed.GetRequiredValue(endpoint.Host);
            string name = parsed.GetValue(nick) is { Length: > 0 } given
                ? given
                : throw new ExerciseException($"No name to join with: give --nick or set {Settings.NickVariable}.", ExitCodes.Usage);
            var options = new ChatClientOptions(
                host, EndpointOptions.Resolve(host), parsed.GetValue(endpoint.Port), name, TimeSpan.FromSeconds(parsed.GetValue(timeout)));
            return talk(options, stopping);
        }, cancellationToken));
        return CommandLine.InvokeAsync(command, args);
    }

    private static Option<string?> PasswordOption(string description) => new("--password")
    {
        Description = $"{description} [env: {Settings.PasswordVariable}]. Prefer the variable: a command line can be seen by other users",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(Settings.PasswordVariable),
    };

    private static string RequiredPassword(string? password) => string.IsNullOrEmpty(password)
        ? throw new ExerciseException($"No password: set {Settings.PasswordVariable} or give --password. It is configuration, never part of the code.", ExitCodes.Usage)
        : password;

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

    /// <summary>The options every client takes: where to connect, what to send, and how long to wait.</summary>
    private sealed class ClientArguments
    {
        public EndpointOptions Endpoint { get; } = new();

        public Option<string?> MessageOption { get; } = new("--message")
        {
            Description = $"The message to send; also the first argument, or {Settings.MessageVariable} [default: {Settings.DefaultMessage}]",
        };

        public Argument<string?> Message { get; } = new("message")
        {
            Description = "The message to send (or --message)",
            Arity = ArgumentArity.ZeroOrOne,
        };

        public Option<bool> Interactive { get; } = new("--interactive", "-i")
        {
            Description = "Send each line typed on standard input and print each reply, until the input ends",
        };

        public Option<double> Timeout { get; } = new("--timeout")
        {
            Description = "Seconds to wait for the server to accept or answer",
            DefaultValueFactory = _ => 10,
            CustomParser = result => OptionParsers.Seconds(OptionParsers.Token(result), "--timeout", result),
        };

        public ClientOptions Read(ParseResult parsed)
        {
            var host = parsed.GetRequiredValue(Endpoint.Host);
            return new ClientOptions(
                host,
                EndpointOptions.Resolve(host),
                parsed.GetValue(Endpoint.Port),
                // Whoever runs the client chooses its message: --message, then the argument, then the environment.
                parsed.GetValue(MessageOption) ?? parsed.GetValue(Message)
                    ?? (Environment.GetEnvironmentVariable(Settings.MessageVariable) is { Length: > 0 } given ? given : Settings.DefaultMessage),
                parsed.GetValue(Interactive),
                TimeSpan.FromSeconds(parsed.GetValue(Timeout)));
        }

        public void AddTo(Command command)
        {
            command.Arguments.Add(Message);
            command.Options.Add(MessageOption);
            command.Options.Add(Interactive);
            command.Options.Add(Timeout);
            Endpoint.AddTo(command);
        }
    }
}
