using System.Text;
using SocketExercises.Grader.Checks.EchoServer;
using SocketExercises.Grader.Texts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Checks.AuthServer;

/// <summary>§1: the server listens and accepts. The first check, so an unreachable server is reported once, here.</summary>
public sealed class AuthAcceptsConnection : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.accepts-connection", "§1");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, cancellationToken);
    }
}

/// <summary>§11: the right password gets OK, and then the server echoes.</summary>
internal sealed class AcceptsRightPassword(AuthExchange auth) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.accepts-right-password", "§11");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await auth.LogInAndEchoAsync(client, target, "Hello after logging in, čćžšđ", cancellationToken);
    }
}

/// <summary>§12: a wrong password gets ERR and the close.</summary>
internal sealed class RejectsWrongPassword(AuthExchange auth, Payloads payloads) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.rejects-wrong-password", "§12");

    public override Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        string wrong = Encoding.ASCII.GetString(payloads.Text(payloads.For(Info.Id), 12)).Replace(' ', 'x');
        var line = AuthServerTarget.Line("AUTH " + wrong);
        return auth.ExpectRefusedAsync(target, line, string.Format(Strings.AuthWhatWrongPassword, AuthExchange.Show(line)), cancellationToken);
    }
}

/// <summary>
/// §11/§12 as a table: lines that come close to the right login, each of which must be refused.
/// One class serves several checks, each with its own id and its own lines.
/// </summary>
internal sealed class RefusesLines(AuthExchange auth, CheckInfo info, Func<string, IEnumerable<string>> lines) : AuthServerCheck
{
    public override CheckInfo Info => info;

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        foreach (var text in lines(target.Password))
        {
            var line = AuthServerTarget.Line(text);
            await auth.ExpectRefusedAsync(target, line, AuthExchange.Show(line), cancellationToken);
        }
    }

    /// <summary>The table: each entry makes one check.</summary>
    public static IEnumerable<Func<AuthExchange, RefusesLines>> All { get; } =
    [
        auth => new(auth, new CheckInfo("auth.rejects-prefix", "§11"),
            password => [$"AUTH {password}x", $"AUTH {password[..^1]}"]),
        auth => new(auth, new CheckInfo("auth.rejects-other-case", "§11"),
            password => [$"AUTH {SwapCase(password)}"]),
        auth => new(auth, new CheckInfo("auth.rejects-spaces", "§11"),
            password => [$"AUTH  {password}", $"AUTH {password} "]),
        auth => new(auth, new CheckInfo("auth.rejects-empty-and-other-commands", "§12"),
            _ => ["AUTH ", "AUTH", "", "HELLO"]),
    ];

    private static string SwapCase(string text) =>
        new([.. text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
}

/// <summary>§11: bytes that arrive in the same packet as the AUTH line are echoed after OK.</summary>
internal sealed class KeepsDataAfterLogin(AuthExchange auth) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.keeps-data-after-login", "§11");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        var data = "sent together with the login"u8.ToArray();
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        byte[] together = [.. target.RightLogin, .. data];
        await client.SendAsync(together, cancellationToken);
        await auth.ExpectOkAsync(client, Strings.AuthWhatLoginAndData, cancellationToken);
        await EchoExchange.ExpectEchoAsync(client, data, cancellationToken);
    }
}

/// <summary>§11: an AUTH line that arrives in pieces is put together before it is judged.</summary>
internal sealed class AcceptsLoginInPieces(AuthExchange auth, TimeProvider time) : AuthServerCheck
{
    private static readonly TimeSpan PiecePause = TimeSpan.FromMilliseconds(50);

    public override CheckInfo Info { get; } = new("auth.login-in-pieces", "§11");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        var login = target.RightLogin;
        foreach (var piece in login.Chunk(Math.Max(1, login.Length / 3)))
        {
            await client.SendAsync(piece, cancellationToken);
            await Task.Delay(PiecePause, time, cancellationToken); // each piece its own segment
        }
        await auth.ExpectOkAsync(client, string.Format(Strings.AuthWhatLoginInPieces, Reports.Durations.Format(PiecePause)), cancellationToken);
        await EchoExchange.EchoAsync(client, "logged in piece by piece", cancellationToken);
    }
}

/// <summary>§13: 1024 bytes without a newline are refused at once.</summary>
internal sealed class RefusesLongLine(AuthExchange auth, WireLimits limits) : AuthServerCheck
{
    public const int Limit = 1024;

    public override CheckInfo Info { get; } = new("auth.refuses-long-line", "§13");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        var line = Encoding.ASCII.GetBytes("AUTH " + new string('A', Limit - "AUTH ".Length));
        await using var client = await target.Server.ConnectAsync(Strings.LabelTheClient, cancellationToken);
        await client.SendAsync(line, cancellationToken);
        // Promptly: well before the login timeout, which would also end the connection.
        var wait = limits.ReplyTimeout < target.LoginTimeout / 2 ? limits.ReplyTimeout : target.LoginTimeout / 2;
        await auth.ExpectRefusalAsync(client, string.Format(Strings.AuthWhatLongLine, Counted.Bytes(Limit)), cancellationToken, wait);
    }
}

/// <summary>§14: a client that sends no complete first line in time is disconnected.</summary>
internal sealed class EnforcesLoginTimeout : AuthServerCheck
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    public override CheckInfo Info { get; } = new("auth.login-timeout", "§14");

    public override TimeSpan TimeLimit => TimeSpan.FromSeconds(30);

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        await using var silent = await target.Server.ConnectAsync(Strings.LabelSilentClient, cancellationToken);
        await using var partial = await target.Server.ConnectAsync(Strings.LabelHalfLineClient, cancellationToken);
        await partial.SendAsync("AUTH pa"u8.ToArray(), cancellationToken);
        var wait = target.LoginTimeout + Margin;
        await Task.WhenAll(
            ExpectDisconnectedAsync(silent, wait, target.LoginTimeout, cancellationToken),
            ExpectDisconnectedAsync(partial, wait, target.LoginTimeout, cancellationToken));
    }

    private static async Task ExpectDisconnectedAsync(WireConnection client, TimeSpan wait, TimeSpan loginTimeout, CancellationToken cancellationToken)
    {
        var answer = await client.ReceiveUntilEndAsync(wait, 2048, cancellationToken);
        if (answer.End is not (ReceiveEnd.Closed or ReceiveEnd.Reset))
        {
            throw new CheckFailedException(
                string.Format(Strings.AuthStillConnected, Sentences.Capitalized(client.Label), Reports.Durations.Format(wait), Reports.Durations.Format(loginTimeout)));
        }
        if (answer.Data.Length > 0 && !(answer.Data.AsSpan().StartsWith("ERR "u8) && answer.Data[^1] == (byte)'\n'))
        {
            throw new CheckFailedException(
                string.Format(Strings.AuthSentBeforeClose, Sentences.Capitalized(client.Label), ByteText.Quote(answer.Data, 96)));
        }
    }
}

/// <summary>§15: a client that sits silent before logging in delays no one.</summary>
internal sealed class SilentClientDelaysNoOne(AuthExchange auth) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.silent-client-delays-no-one", "§15");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        await using var silent = await target.Server.ConnectAsync(string.Format(Strings.LabelClient, 1), cancellationToken);
        await using var client = await target.Server.ConnectAsync(Strings.LabelClientWhileFirstSilent, cancellationToken);
        await auth.LogInAndEchoAsync(client, target, "not kept waiting", cancellationToken);
    }
}

/// <summary>§12/§15: invalid UTF-8 and a reset mid-login are handled, and the server serves on.</summary>
internal sealed class SurvivesBadLogins(AuthExchange auth) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.survives-bad-logins", "§12");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        byte[] invalid = [.. "AUTH "u8, 0xFF, 0xFE, 0xC3, (byte)'\n'];
        await auth.ExpectRefusedAsync(target, invalid, string.Format(Strings.AuthWhatInvalidUtf8, AuthExchange.Show(invalid)), cancellationToken);

        await using (var vanishing = await target.Server.ConnectAsync(Strings.LabelResettingClient, cancellationToken))
        {
            await vanishing.SendAsync("AUTH pa"u8.ToArray(), cancellationToken);
            vanishing.Reset();
        }

        await using var client = await target.Server.ConnectAsync(Strings.LabelNextClient, cancellationToken);
        await auth.LogInAndEchoAsync(client, target, "still serving", cancellationToken);
    }
}

/// <summary>§12: nothing the client sends is echoed before OK, not even bytes after a refused line.</summary>
internal sealed class EchoesNothingBeforeLogin(AuthExchange auth) : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.nothing-before-ok", "§12");

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        var wrongThenData = Encoding.UTF8.GetBytes("AUTH not-the-password\nsecret data");
        await auth.ExpectRefusedAsync(target, wrongThenData, string.Format(Strings.AuthWhatWrongThenData, AuthExchange.Show(wrongThenData)), cancellationToken);

        var otherFirst = Encoding.UTF8.GetBytes($"HELLO\nAUTH {target.Password}\n");
        await auth.ExpectRefusedAsync(target, otherFirst, Strings.AuthWhatOtherFirst, cancellationToken);
    }
}

/// <summary>§16: without a password the server refuses to start, with a message and not a crash.</summary>
internal sealed class RequiresPassword : AuthServerCheck
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(10);

    public override CheckInfo Info { get; } = new("auth.requires-password", "§16");

    public override TimeSpan TimeLimit => StartLimit + TimeSpan.FromSeconds(2);

    public override async Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        if (target.Started is not { } started)
        {
            throw new CheckNotApplicableException(Strings.AuthNeedsStart);
        }
        try
        {
            // The copy is stopped at once: all that matters is that it listened.
            await using var listening = await started.StartAnotherAsync(
                AuthServerTarget.Settings("", target.LoginTimeout), StartLimit, cancellationToken);
        }
        catch (Running.ServerStartException refused)
        {
            if (refused.ExitCode is null)
            {
                throw new CheckFailedException(string.Format(Strings.AuthNoPasswordHung, Reports.Durations.Format(StartLimit)));
            }
            if (refused.ExitCode == 0)
            {
                throw new CheckFailedException(Strings.AuthNoPasswordExitZero);
            }
            if (string.IsNullOrWhiteSpace(refused.Output) || refused.Output.Contains("   at ", StringComparison.Ordinal))
            {
                throw new CheckFailedException(
                    string.Format(string.IsNullOrWhiteSpace(refused.Output) ? Strings.AuthNoPasswordSilent : Strings.AuthNoPasswordStackTrace, refused.ExitCode));
            }
            return;
        }
        throw new CheckFailedException(Strings.AuthNoPasswordListened);
    }
}

/// <summary>§16: the server never prints the password.</summary>
internal sealed class KeepsPasswordSecret : AuthServerCheck
{
    public override CheckInfo Info { get; } = new("auth.password-kept-secret", "§16");

    public override Task RunAsync(AuthServerTarget target, CancellationToken cancellationToken)
    {
        if (target.Started is not { } started)
        {
            throw new CheckNotApplicableException(Strings.AuthOutputNeedsStart);
        }
        if (started.Output.Contains(target.Password, StringComparison.Ordinal))
        {
            var line = started.Output.Split('\n').First(l => l.Contains(target.Password, StringComparison.Ordinal));
            throw new CheckFailedException(string.Format(Strings.AuthPrintedPassword, line.Replace(target.Password, Strings.PasswordPlaceholder, StringComparison.Ordinal).Trim()));
        }
        return Task.CompletedTask;
    }
}
