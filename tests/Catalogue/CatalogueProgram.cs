namespace SocketExercises.Catalogue;

/// <summary>
/// A program of the catalogue, as the tests grade it: the exercise it is a program of, its name on the
/// command line, and the checks that must fail it, the one meant for its mistake first (none for a correct one).
/// </summary>
public sealed record CatalogueProgram(string Exercise, string Name, IReadOnlyList<string> MustFail)
{
    /// <summary>The mistake the grader must name for it on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>
    /// Checks that may fail it as well, or not, by the timing of the machine: its mistake shows in them only when
    /// the grader happens to read slowly. Kept apart from <see cref="MustFail"/>, which every grading must fail.
    /// </summary>
    public IReadOnlyList<string> MayFail { get; init; } = [];

    /// <summary>
    /// The folder, under tests/Catalogue, that a grading reads as the program's code (its security review); null
    /// for the others, which share the catalogue's project and whose checks of code do not apply.
    /// </summary>
    public string? Code { get; init; }

    /// <summary>Every program of the catalogue, exercise by exercise.</summary>
    public static IReadOnlyList<CatalogueProgram> All { get; } =
    [
        .. Echo.Server.Servers.All.Where(p => !p.Value.GradedAlone).Select(p => new CatalogueProgram(Echo.Server.Servers.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
        .. Echo.Client.Clients.All.Select(p => new CatalogueProgram(Echo.Client.Clients.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
        .. Auth.Server.AuthServers.All.Select(p => new CatalogueProgram(Auth.Server.AuthServers.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis, Code = p.Value.Code }),
        .. Auth.Client.AuthClients.All.Select(p => new CatalogueProgram(Auth.Client.AuthClients.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
        .. Chat.Server.ChatServers.All.Select(p => new CatalogueProgram(Chat.Server.ChatServers.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis, MayFail = p.Value.MayFail }),
        .. Chat.Client.ChatClients.All.Select(p => new CatalogueProgram(Chat.Client.ChatClients.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
        .. Challenge.Server.ChallengeServers.All.Select(p => new CatalogueProgram(Challenge.Server.ChallengeServers.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
        .. Challenge.Client.ChallengeClients.All.Select(p => new CatalogueProgram(Challenge.Client.ChallengeClients.Exercise, p.Key, p.Value.MustFail) { Diagnosis = p.Value.Diagnosis }),
    ];

    /// <summary>A correct program, written unusually: the grader must pass it.</summary>
    public bool IsCorrect => MustFail.Count == 0;

    public override string ToString() => $"{Exercise} {Name}";
}

/// <summary>A client of the catalogue: what it does, given the port, and the checks that must fail it.</summary>
public sealed record CatalogueClient(Func<int, CancellationToken, Task<int>> Talk)
{
    /// <summary>The mistake the grader must name for it (a diagnosis id), on every check it fails; null where it names none.</summary>
    public string? Diagnosis { get; init; }

    /// <summary>The checks that must fail it, the one meant for its mistake first; none for a correct client.</summary>
    public string[] MustFail { get; init; } = [];
}
