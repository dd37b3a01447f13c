using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Checks.EchoClient;
using SocketExercises.Grader.Checks.EchoServer;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Composition;

/// <summary>One method per part of the grader: <c>services.AddGrader(options).AddEchoChecks().AddReports();</c></summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The exercise names that <c>check</c> takes, and the keys checks are registered under.</summary>
    public const string EchoServer = "echo-server";

    /// <inheritdoc cref="EchoServer"/>
    public const string EchoClient = "echo-client";

    /// <summary>The grading machinery: clock, sockets, limits, the check runner and the graders.</summary>
    public static IServiceCollection AddGrader(this IServiceCollection services, GradingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISocketFactory, TcpSocketFactory>();
        services.AddSingleton(new WireLimits());
        services.AddSingleton(new ClientLimits());
        services.AddSingleton<EchoPlay>();
        services.AddSingleton<WireConnector>();
        services.AddSingleton<Payloads>();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<ServerLauncher>();
        services.AddSingleton<ServerGrader>();
        services.AddSingleton<ClientGrader>();
        return services;
    }

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

    /// <summary>The report formats.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ConsoleReport>();
        services.AddSingleton<JsonReport>();
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
}
