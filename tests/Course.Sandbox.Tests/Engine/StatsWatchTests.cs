using System.Reflection;
using Course.Sandbox.Engine;
using Docker.DotNet;
using Microsoft.Extensions.Time.Testing;

namespace Course.Sandbox.Tests.Engine;

public sealed class StatsWatchTests
{
    [Fact(Timeout = 30_000)]
    public async Task StopAsync_StreamThatIgnoresTheCut_GivesUpAfterItsPatienceWithoutAPeak()
    {
        var clock = new FakeTimeProvider();
        await using var watch = StatsWatch.Start(EngineWithDeafStats.Create(), "container", 64, clock, CancellationToken.None);

        var stopping = watch.StopAsync();
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Null(await stopping);
    }

    /// <summary>An engine whose stats stream never ends, whatever its cancellation token says.</summary>
    public class EngineWithDeafStats : DispatchProxy
    {
        private static readonly IContainerOperations Containers = DispatchProxy.Create<IContainerOperations, DeafContainers>();

        public static IDockerClient Create() => DispatchProxy.Create<IDockerClient, EngineWithDeafStats>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == "get_Containers" ? Containers : throw new NotSupportedException(targetMethod?.Name);
    }

    public class DeafContainers : DispatchProxy
    {
        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IContainerOperations.GetContainerStatsAsync) && targetMethod.ReturnType == typeof(Task)
                ? new TaskCompletionSource().Task
                : throw new NotSupportedException(targetMethod?.Name);
    }
}
