using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SocketExercises.Grader.Batch;
using SocketExercises.Grader.Building;
using SocketExercises.Grader.Checks;
using SocketExercises.Grader.Checks.Clients;
using SocketExercises.Grader.Exercises;
using SocketExercises.Grader.Grading;
using SocketExercises.Grader.Reports;
using SocketExercises.Grader.Running;
using SocketExercises.Grader.Sandbox;
using SocketExercises.Grader.Wire;

namespace SocketExercises.Grader.Composition;

/// <summary>
/// One method per part of the grader: <c>services.AddGrader(options).AddReports()</c>. The container holds the
/// grader's services, which tests swap (the clock, the sockets, the limits, where programs run); the checks are
/// not services: each exercise lists its own (<see cref="Exercises.KitExercises"/>).
/// </summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The grading machinery: clock, sockets, limits, the check runner and the graders.</summary>
    public static IServiceCollection AddGrader(this IServiceCollection services, GradingOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ISocketFactory, TcpSocketFactory>();
        services.AddSingleton(new WireLimits());
        services.AddSingleton(new ClientLimits());
        services.AddSingleton<WireConnector>();
        services.AddSingleton<Payloads>();
        services.AddSingleton<CheckRunner>();
        services.AddSingleton<ServerLauncher>();
        services.TryAddSingleton<IServerHost, LocalServerHost>();
        services.TryAddSingleton<IClientHost, LocalClientHost>();
        services.AddSingleton<ServerGrader>();
        services.AddSingleton<ClientGrader>();
        services.AddSingleton<ExerciseGrader>();
        services.AddSingleton(_ => new SubmissionBuilder(KitBuild.Find()));
        return services;
    }

    /// <summary>Runs the programs under test, servers and clients, in containers made as <paramref name="sandbox"/> says (<c>--sandbox docker</c>).</summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, SandboxOptions sandbox) => services
        .AddSingleton(_ => new ContainerSandbox(sandbox))
        .AddSingleton<IServerHost>(provider => provider.GetRequiredService<ContainerSandbox>())
        .AddSingleton<IClientHost>(provider => provider.GetRequiredService<ContainerSandbox>());

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
}
