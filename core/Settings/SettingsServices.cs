using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Settings;

/// <summary>
/// How every module's settings reach its services and are checked before any work: a module registers a reader
/// with <see cref="AddSettings{T}"/>, and each process (every command that uses services, <c>grader serve</c> at
/// start) calls <see cref="ValidateSettings"/>, so a bad value stops it with bad input naming the key.
/// </summary>
public static class SettingsServices
{
    /// <summary>
    /// Registers <typeparamref name="T"/> as a singleton made by <paramref name="read"/>, which throws
    /// <see cref="Errors.BadInputException"/> naming the key of a bad value (see <see cref="SettingsSection"/>).
    /// </summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, Func<IServiceProvider, T> read)
        where T : class
    {
        services.AddSingleton(read);
        services.AddSingleton(new SettingsCheck(typeof(T)));
        return services;
    }

    /// <summary>Reads every registered module's settings now; throws for the first bad value.</summary>
    public static void ValidateSettings(this IServiceProvider services)
    {
        foreach (var check in services.GetServices<SettingsCheck>().DistinctBy(check => check.Settings))
        {
            _ = services.GetRequiredService(check.Settings);
        }
    }
}
