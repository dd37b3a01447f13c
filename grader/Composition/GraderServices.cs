using Microsoft.Extensions.DependencyInjection;
using SocketExercises.Grader.Checks;

namespace SocketExercises.Grader.Composition;

/// <summary>Builds the grader's container, validated on build so a missing registration fails at once.</summary>
public static class GraderServices
{
    /// <param name="options">This run's settings.</param>
    /// <param name="configure">Replaces or adds services after the defaults: tests inject a clock or limits here.</param>
    public static ServiceProvider Build(GradingOptions options, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection()
            .AddGrader(options)
            .AddReports();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
