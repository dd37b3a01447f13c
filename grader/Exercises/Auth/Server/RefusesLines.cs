using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Exercises.Auth.Server;

/// <summary>
/// §11/§12 as a table: lines that come close to the right login, each of which must be refused.
/// One class serves several checks, each with its own id and its own lines.
/// </summary>
internal sealed class RefusesLines(CheckInfo info, Func<string, IEnumerable<string>> lines) : ServerCheck<AuthServerTarget>
{
    public override CheckInfo Info => info;

    public override bool RunsSideBySide => true;

    public override async Task RunAsync(AuthServerTarget target, CheckContext context)
    {
        foreach (var text in lines(target.Password))
        {
            var line = AuthServerTarget.Line(text);
            await AuthExchange.ExpectRefusedAsync(target, line, AuthExchange.Show(line), context);
        }
    }

    /// <summary>The table: each entry makes one check.</summary>
    public static IReadOnlyList<RefusesLines> All { get; } =
    [
        new(new CheckInfo("auth.rejects-prefix", "§11", AuthTexts.ResourceManager),
            password => [$"AUTH {password}x", $"AUTH {password[..^1]}"]),
        new(new CheckInfo("auth.rejects-other-case", "§11", AuthTexts.ResourceManager),
            password => [$"AUTH {SwapCase(password)}"]),
        new(new CheckInfo("auth.rejects-spaces", "§11", AuthTexts.ResourceManager),
            password => [$"AUTH  {password}", $"AUTH {password} "]),
        new(new CheckInfo("auth.rejects-empty-and-other-commands", "§12", AuthTexts.ResourceManager),
            _ => ["AUTH ", "AUTH", "", "HELLO"]),
    ];

    private static string SwapCase(string text) =>
        new([.. text.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c))]);
}
