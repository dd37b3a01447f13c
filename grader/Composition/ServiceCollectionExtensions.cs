using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.AuthClient;
using SocketExercises.Grader.Checks.AuthServer;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Checks.EchoServer;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Transcripts;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Composition;

/// <summary>One method per part of the grader: <c>services.AddGrader(options).AddEchoChecks().AddReports();</c></summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The exercise names that <c>check</c> takes, and the keys checks are registered under.</summary>
    public const string EchoServer = "echo-server";

    /// <inheritdoc cref="EchoServer"/>
    public const string EchoClient = "echo-client";

    /// <inheritdoc cref="EchoServer"/>
    public const string AuthServer = "auth-server";

    /// <inheritdoc cref="EchoServer"/>
    public const string AuthClient = "auth-client";

    /// <summary>The grading machinery: clock, sockets, limits, the check runner and the graders.</summary>
    public static IServiceCollection AddGrader(this IServiceCollection services, GradingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISocketFactory, TcpSocketFactory>();
        services.AddSingleton(new WireLimits());
        services.AddSingleton(new ClientLimits());
        services.AddSingleton<EchoPlay>();
        services.AddSingleton<TranscriptRecorder>();
        services.AddSingleton<WireConnector>();
        services.AddSingleton<Payloads>();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<ServerLauncher>();
        services.TryAddSingleton<IServerHost, LocalServerHost>();
        services.TryAddSingleton<IClientHost, LocalClientHost>();
        services.AddSingleton<ServerGrader>();
        services.AddSingleton<ClientGrader>();
        services.AddSingleton<ExerciseGrading>();
        services.AddSingleton<SubmissionBuilder>();
        services.AddSingleton<BatchGrader>();
        return services;
    }

    /// <summary>Runs the programs under test, servers and clients, in containers made as <paramref name="sandbox"/> says (<c>--sandbox docker</c>).</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions sandbox) => services
        .AddSingleton(_ => new ContainerSandbox(sandbox))
        .AddSingleton<IServerHost>(provider => provider.GetRequiredService<ContainerSandbox>())
        .AddSingleton<IClientHost>(provider => provider.GetRequiredService<ContainerSandbox>());

    /// <summary>The echo exercise's checks, in the order they run: the server's, then the client's.</summary>
    public static IServiceCollection AddEchoChecks(this IServiceCollection services)
    {
        // Order matters: reachability first, so an unreachable server is reported once; the reset check
        // last, because a server that dies of it leaves nothing to check after.
        services.AddServerCheck<AcceptsConnection>(EchoServer);
        services.AddServerCheck<ServesSecondClient>(EchoServer);
        services.AddServerCheck<EchoesShortMessage>(EchoServer);
        services.AddServerCheck<EchoesUtf8Text>(EchoServer);
        services.AddServerCheck<EchoesAllByteValues>(EchoServer);
        services.AddServerCheck<EchoesOneByteAtATime>(EchoServer);
        services.AddServerCheck<EchoesSeveralMessages>(EchoServer);
        services.AddServerCheck<EchoesLargePayload>(EchoServer);
        services.AddServerCheck<ClosesAfterHalfClose>(EchoServer);
        services.AddServerCheck<SendsNothingExtra>(EchoServer);
        services.AddServerCheck<ServesClientsConcurrently>(EchoServer);
        services.AddServerCheck<SurvivesReset>(EchoServer);

        services.AddClientCheck<Connects>(EchoClient);
        services.AddClientCheck<SendsMessage>(EchoClient);
        services.AddClientCheck<PrintsEcho>(EchoClient);
        services.AddClientCheck<ReassemblesPieces>(EchoClient);
        services.AddClientCheck<ExitsZero>(EchoClient);
        return services;
    }

    /// <summary>The password exercise's checks, in the order they run: the server's, then the client's.</summary>
    public static IServiceCollection AddAuthChecks(this IServiceCollection services)
    {
        services.AddSingleton<AuthExchange>();
        services.AddCheck<AuthServerTarget, AuthAcceptsConnection>(AuthServer);
        services.AddCheck<AuthServerTarget, AcceptsRightPassword>(AuthServer);
        services.AddCheck<AuthServerTarget, RejectsWrongPassword>(AuthServer);
        foreach (var refusal in RefusesLines.All)
        {
            services.AddCheck<AuthServerTarget>(AuthServer, provider => refusal(provider.GetRequiredService<AuthExchange>()));
        }
        services.AddCheck<AuthServerTarget, KeepsDataAfterLogin>(AuthServer);
        services.AddCheck<AuthServerTarget, AcceptsLoginInPieces>(AuthServer);
        services.AddCheck<AuthServerTarget, RefusesLongLine>(AuthServer);
        services.AddCheck<AuthServerTarget, EchoesNothingBeforeLogin>(AuthServer);
        services.AddCheck<AuthServerTarget, SilentClientDelaysNoOne>(AuthServer);
        services.AddCheck<AuthServerTarget, EnforcesLoginTimeout>(AuthServer);
        services.AddCheck<AuthServerTarget, SurvivesBadLogins>(AuthServer);
        services.AddCheck<AuthServerTarget, RequiresPassword>(AuthServer);
        // Last, so that the output it reads holds every login the other checks made.
        services.AddCheck<AuthServerTarget, KeepsPasswordSecret>(AuthServer);

        services.AddCheck<AuthClientUnderTest, AuthClientConnects>(AuthClient);
        services.AddCheck<AuthClientUnderTest, SendsAuthLine>(AuthClient);
        services.AddCheck<AuthClientUnderTest, WaitsForAnswer>(AuthClient);
        services.AddCheck<AuthClientUnderTest, EchoesAfterLogin>(AuthClient);
        services.AddCheck<AuthClientUnderTest, ReadsOkInPieces>(AuthClient);
        services.AddCheck<AuthClientUnderTest, ReportsRefusal>(AuthClient);
        return services;
    }

    /// <summary>The report formats.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleReport>();
        services.AddSingleton<JsonReport>();
        services.AddSingleton<JUnitReport>();
        services.AddSingleton<GradescopeReport>();
        services.AddSingleton<GitHubReport>();
        return services;
    }

    private static void AddServerCheck<TCheck>(this IServiceCollection services, string exercise)
        where TCheck : class, ICheck<ServerTarget> =>
        services.AddCheck<ServerTarget, TCheck>(exercise);

    private static void AddClientCheck<TCheck>(this IServiceCollection services, string exercise)
        where TCheck : class, ICheck<EchoClientUnderTest> =>
        services.AddCheck<EchoClientUnderTest, TCheck>(exercise);

    // One instance per check, found both by what it talks to (to run it) and as a plain check (to list it).
    private static void AddCheck<TTarget, TCheck>(this IServiceCollection services, string exercise)
        where TCheck : class, ICheck<TTarget>
    {
        services.AddKeyedSingleton<TCheck>(exercise);
        services.AddKeyedSingleton<ICheck<TTarget>>(exercise, (provider, key) => provider.GetRequiredKeyedService<TCheck>(key));
        services.AddKeyedSingleton<ICheck>(exercise, (provider, key) => provider.GetRequiredKeyedService<TCheck>(key));
    }

    // A check made by a factory, as the entries of a table of cases are. Both registrations hand out the
    // one instance made for this collection (a collection builds one container).
    private static void AddCheck<TTarget>(this IServiceCollection services, string exercise, Func<IServiceProvider, ICheck<TTarget>> create)
    {
        ICheck<TTarget>? made = null;
        services.AddKeyedSingleton<ICheck<TTarget>>(exercise, (provider, _) => made ??= create(provider));
        services.AddKeyedSingleton<ICheck>(exercise, (provider, _) => made ??= create(provider));
    }
}
