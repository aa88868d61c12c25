using System.CommandLine;
using Course.Core.Cli;
using Course.Core.Settings;
using Course.Sandbox.Cli;
using Course.Sandbox.Engine;
using Course.Sandbox.GpuLeases;
using Course.Sandbox.Images;
using Course.Sandbox.Running;
using Docker.DotNet;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Course.Sandbox;

/// <summary>The sandbox module's public entry points: its services and its commands.</summary>
public static class SandboxModule
{
    /// <summary>
    /// Registers <see cref="ISandbox"/>, <see cref="ISandboxImages"/> and <see cref="IHostGpus"/> (singletons:
    /// one core allocator per process; GPUs are leased host-wide). Settings come from section <c>Sandbox</c>; see sandbox/README.md.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings(_ => SandboxOptionsReader.Read(configuration));
        services.AddSingleton<IDockerClient>(provider =>
            new DockerClientConfiguration(provider.GetRequiredService<SandboxOptions>().Engine).CreateClient());
        services.AddSingleton<IHostGpus, HostGpus>();
        services.AddSingleton<ISandbox, DockerSandbox>();
        services.AddSettings(_ => ImageSources.Read(configuration));
        services.AddSingleton<ISandboxImages, RecipeImages>();
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of docs/ARCHITECTURE.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) =>
        [SandboxCommands.Create(host), ImagesCommands.Create(host)];
}
