using Microsoft.Extensions.DependencyInjection;

namespace Course.Core.Cli;

/// <summary>A command's service provider, built when the command first asks for a service and disposed after it.</summary>
internal sealed class LazyServices(Func<ServiceProvider> build) : IAsyncDisposable
{
    private readonly Lazy<ServiceProvider> _provider = new(build);

    public IServiceProvider Provider => _provider.Value;

    public ValueTask DisposeAsync() => _provider.IsValueCreated ? _provider.Value.DisposeAsync() : ValueTask.CompletedTask;
}
