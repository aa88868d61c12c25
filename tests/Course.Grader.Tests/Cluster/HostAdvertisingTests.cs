using System.Text.Json;
using Course.Grader.Tests.Support;

namespace Course.Grader.Tests.Cluster;

/// <summary>A real <c>grader worker</c> advertises its host (cores, memory, GPUs and how many are free) in the hosts table.</summary>
public sealed class HostAdvertisingTests
{
    [Fact(Timeout = 120_000)]
    public async Task Worker_Started_AdvertisesItsHostWithCoresMemoryAndFreeGpus()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        course.Settings["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases");
        using var worker = GraderProcess.StartWith(course, new Dictionary<string, string> { ["Sandbox:Gpus"] = "GPU-fake-0,GPU-fake-1" },
            "worker", "--concurrency", "2");

        JsonElement host = default;
        await Eventually.WaitAsync(async () =>
        {
            var (exit, json, _) = await course.RunAsync("hosts", "--json");
            var hosts = exit == 0 ? JsonDocument.Parse(json).RootElement.EnumerateArray().ToList() : [];
            host = hosts.FirstOrDefault(h => h.GetProperty("name").GetString() == Environment.MachineName);
            return host.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(60), () => worker.Output);

        Assert.Equal(("local", Environment.ProcessorCount, 2, 2, "2 slot(s)"), (host.GetProperty("engine").GetString(), host.GetProperty("cores").GetInt32(),
            host.GetProperty("gpus").GetInt32(), host.GetProperty("freeGpus").GetInt32(), host.GetProperty("status").GetString()));
        Assert.True(host.GetProperty("memoryBytes").GetInt64() > 1L << 28);
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(30)));
    }
}
