using Course.Core.Errors;
using Course.Sandbox.Running;

namespace Course.Sandbox.Tests.Running;

public sealed class JobValidatorTests
{
    private static SandboxJob CreateJob() => new("course-busybox", ["true"]) { JobId = "ok-1" };

    [Fact]
    public void Validate_PlainJob_ReturnsItsId() => Assert.Equal("ok-1", JobValidator.Validate(CreateJob(), 2));

    [Fact]
    public void Validate_NoJobId_MakesOne() =>
        Assert.Matches("^[0-9a-f]{32}$", JobValidator.Validate(CreateJob() with { JobId = null }, 2));

    [Fact]
    public void Validate_DockerSocketMount_IsRefused()
    {
        var socketFolder = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(socketFolder.FullName, "docker.sock"), "");
        try
        {
            var job = CreateJob() with { Mounts = [new SandboxMount(Path.Combine(socketFolder.FullName, "docker.sock"), "/var/run/docker.sock")] };

            Assert.Contains("Docker socket", Assert.Throws<BadInputException>(() => JobValidator.Validate(job, 2)).Message);
        }
        finally
        {
            socketFolder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("/out")]
    [InlineData("/tmp")]
    [InlineData("/")]
    [InlineData("relative")]
    [InlineData("/a/../etc")]
    public void Validate_BadMountTarget_IsRefused(string target)
    {
        var job = CreateJob() with { Mounts = [new SandboxMount(Path.GetTempPath(), target)] };

        Assert.Contains("mount: target", Assert.Throws<BadInputException>(() => JobValidator.Validate(job, 2)).Message);
    }

    [Fact]
    public void Validate_OutputFolderNotEmpty_IsRefusedBeforeRunning()
    {
        var folder = Directory.CreateTempSubdirectory();
        File.WriteAllText(Path.Combine(folder.FullName, "old.csv"), "");
        try
        {
            var job = CreateJob() with { OutputFolder = folder.FullName };

            Assert.Contains("not empty", Assert.Throws<BadInputException>(() => JobValidator.Validate(job, 2)).Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void Validate_ManyProblems_ReportsEach()
    {
        var job = new SandboxJob("", []) { JobId = "bad id!", Limits = new SandboxLimits { Cpus = 8, MemoryBytes = 1024 } };

        var failure = Assert.Throws<BadInputException>(() => JobValidator.Validate(job, 2));

        Assert.Equal(5, failure.Problems.Count);
    }
}
