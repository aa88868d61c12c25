using Course.Core.Settings;

namespace Course.Grader.Cluster;

/// <summary>Registers the engines that run grading jobs, the hosts table and job cancellation (called from <see cref="GraderModule"/>).</summary>
internal static class ClusterServices
{
    public static IServiceCollection AddCluster(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings(_ => ClusterOptions.From(configuration));
        services.AddSingleton<SlurmCli>();
        services.AddSingleton<SlurmBatch>();
        services.AddSingleton<SlurmNodes>();
        services.AddSingleton<SlurmDispatcher>();
        services.AddSingleton<SlurmStep>();
        services.AddSingleton<SlurmStartTimes>();
        services.AddSingleton<LocalHost>();
        services.AddScoped<HostRegistry>();
        services.AddScoped<JobCancellation>();
        return services;
    }
}
