using System.CommandLine;
using Course.Core.Cli;
using Course.Sandbox.Cli;
using Course.Sandbox.Engine;
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
    /// Registers <see cref="ISandbox"/> and <see cref="ISandboxImages"/> (singletons: one core and
    /// GPU allocator per process). Settings come from section <c>Sandbox</c>; see sandbox/README.md.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => SandboxOptionsReader.Read(configuration));
        services.AddSingleton<IDockerClient>(provider =>
            new DockerClientConfiguration(provider.GetRequiredService<SandboxOptions>().Engine).CreateClient());
        services.AddSingleton<ISandbox, DockerSandbox>();
        services.AddSingleton(_ => ImageSources.Read(configuration));
        services.AddSingleton<ISandboxImages, RecipeImages>();
        return services;
    }

    /// <summary>The module's top-level commands, in the command-line contract of DESIGN.md.</summary>
    public static IEnumerable<Command> Commands(CliHost host) =>
        [SandboxCommands.Create(host), ImagesCommands.Create(host)];
}
