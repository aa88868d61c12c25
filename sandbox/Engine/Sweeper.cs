using Course.Sandbox.Output;
using Course.Sandbox.Running;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Course.Sandbox.Engine;

/// <summary>
/// Removes what a crashed process left behind: labelled containers and /out folders whose
/// owner process is gone. Containers of live processes (other workers, parallel tests) are spared.
/// </summary>
internal sealed class Sweeper(IDockerClient docker, SandboxOptions options)
{
    /// <summary>Sweeps and returns how many containers were removed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellation)
    {
        var leftovers = await EngineCall.RunAsync(options.Engine, "listing sandbox containers", () =>
            docker.Containers.ListContainersAsync(new ContainersListParameters
            {
                All = true,
                Filters = new Dictionary<string, IDictionary<string, bool>>
                {
                    ["label"] = new Dictionary<string, bool> { [$"{ContainerLabels.Sandbox}=1"] = true },
                },
            }, cancellation), cancellation);

        var removed = 0;
        foreach (var container in leftovers)
        {
            var owner = OwnerToken.Parse(container.Labels.TryGetValue(ContainerLabels.Owner, out var label) ? label : null);
            if (owner is not null && !owner.IsDeadHere())
            {
                continue;
            }

            try
            {
                await EngineCall.RunAsync(options.Engine, $"removing leftover container {container.ID[..12]}", () =>
                    docker.Containers.RemoveContainerAsync(container.ID,
                        new ContainerRemoveParameters { Force = true, RemoveVolumes = true }, cancellation), cancellation);
                removed++;
            }
            catch (SandboxUnavailableException failure) when (IsRemovedElsewhere(failure.InnerException))
            {
                // Another process's sweep (a second worker starting) got to it first.
            }
        }

        SweepFolders();
        return removed;
    }

    /// <summary>Gone already (404), or its removal already under way (409 "already in progress").</summary>
    private static bool IsRemovedElsewhere(Exception? failure) =>
        failure is DockerContainerNotFoundException
        || failure is DockerApiException { StatusCode: System.Net.HttpStatusCode.Conflict } conflict
        && conflict.ResponseBody.Contains("already in progress", StringComparison.Ordinal);

    private void SweepFolders()
    {
        if (!Directory.Exists(options.WorkRoot))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(options.WorkRoot))
        {
            var owner = OwnerToken.ParseLocal(OwnerToken.Current.Machine, JobFolder.OwnerOf(Path.GetFileName(folder)));
            if (owner is null || owner.IsDeadHere())
            {
                JobFolder.TryDelete(folder);
            }
        }
    }
}
