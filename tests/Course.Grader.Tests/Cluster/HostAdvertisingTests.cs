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

        var host = await AdvertisedHostAsync(course, worker);

        Assert.Equal(("local", Environment.ProcessorCount, 2, 2, "2 slot(s)"), (host.GetProperty("engine").GetString(), host.GetProperty("cores").GetInt32(),
            host.GetProperty("gpus").GetInt32(), host.GetProperty("freeGpus").GetInt32(), host.GetProperty("status").GetString()));
        Assert.True(host.GetProperty("memoryBytes").GetInt64() > 1L << 28);
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact(Timeout = 120_000)]
    public async Task Worker_NvidiaSmiOfAnH100_AdvertisesItsUuidAndModel()
    {
        using var course = await TestCourse.CreateAsync(deadline: "2099-01-01T00:00", students: ["alice"]);
        course.UseFastQueue();
        course.Settings["Sandbox:LeaseRoot"] = Path.Combine(course.Directory, "gpu-leases");
        var tools = Directory.CreateDirectory(Path.Combine(course.Directory, "tools")).FullName;
        var smi = Path.Combine(tools, "nvidia-smi");
        // The answers nvidia-smi (driver 580.159.04) gave on a machine with one H100, replayed word for word.
        await File.WriteAllTextAsync(smi, """
            #!/bin/sh
            case "$*" in
              "--query-gpu=uuid --format=csv,noheader") echo "GPU-fa5e1afc-4f2f-61f3-290b-82c983300e91" ;;
              "--query-gpu=name --format=csv,noheader") echo "NVIDIA H100 80GB HBM3" ;;
              *) exit 6 ;;
            esac

            """);
        File.SetUnixFileMode(smi, (UnixFileMode)0b111_101_101);
        using var worker = GraderProcess.StartWith(course, new Dictionary<string, string> { ["PATH"] = $"{tools}:{Environment.GetEnvironmentVariable("PATH")}" },
            "worker");

        var host = await AdvertisedHostAsync(course, worker);

        Assert.Equal((1, 1, "NVIDIA H100 80GB HBM3"), (host.GetProperty("gpus").GetInt32(), host.GetProperty("freeGpus").GetInt32(),
            host.GetProperty("gpuKind").GetString()));
        Assert.Equal(0, await worker.TerminateAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("GPUs GPU-fa5e1afc-4f2f-61f3-290b-82c983300e91 (found by nvidia-smi)", worker.Output);
    }

    /// <summary>This host's row in <c>grader hosts --json</c>, once the worker has advertised it.</summary>
    private static async Task<JsonElement> AdvertisedHostAsync(TestCourse course, GraderProcess worker)
    {
        JsonElement host = default;
        await Eventually.WaitAsync(async () =>
        {
            var (exit, json, _) = await course.RunAsync("hosts", "--json");
            var hosts = exit == 0 ? JsonDocument.Parse(json).RootElement.EnumerateArray().ToList() : [];
            host = hosts.FirstOrDefault(h => h.GetProperty("name").GetString() == Environment.MachineName);
            return host.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(60), () => worker.Output);
        return host;
    }
}
