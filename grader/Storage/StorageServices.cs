using Course.Core.Settings;
using Course.Grader.Grading;

namespace Course.Grader.Storage;

/// <summary>Registers the blob store <see cref="StorageSettings"/> choose: the course database, or an S3 bucket.</summary>
internal static class StorageServices
{
    public static IServiceCollection AddBlobStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings(_ => StorageSettings.From(configuration));
        services.AddSingleton<IBlobStore>(provider => provider.GetRequiredService<StorageSettings>() is { Bucket: not null } s3
            ? new S3BlobStore(s3, provider.GetRequiredService<GradingPaths>())
            : ActivatorUtilities.CreateInstance<DatabaseBlobStore>(provider));
        services.AddScoped<DatabaseBlobsCopy>();
        return services;
    }
}
