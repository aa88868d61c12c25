using System.Formats.Tar;
using Course.Sandbox.Output;
using Course.Sandbox.Running;
using Course.Sandbox.Tests.Support;

namespace Course.Sandbox.Tests.Output;

public sealed class OutputCollectorTests : IDisposable
{
    private readonly string _destination = Path.Combine(Path.GetTempPath(), $"collector-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_destination))
        {
            Directory.Delete(_destination, recursive: true);
        }
    }

    private OutputCollector CreateSut(OutputLimits? limits = null) => new(limits ?? new OutputLimits(), _destination);

    [Fact]
    public async Task CollectAsync_RegularFiles_CopiesWithSizeAndHash()
    {
        var sut = CreateSut();
        var tar = new TarBuilder().Entry(TarEntryType.Directory, "out/sub/").File("out/sub/p.csv", "id,label\n").File("out/a", "").Build();

        await sut.CollectAsync(tar, CancellationToken.None);

        Assert.Equal(
            [new SandboxOutput("sub/p.csv", 9, Sha("id,label\n")),
             new SandboxOutput("a", 0, Sha(""))],
            sut.Outputs);
        Assert.Equal("id,label\n", await File.ReadAllTextAsync(Path.Combine(_destination, "sub", "p.csv")));
        Assert.Empty(sut.Rejected);
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink, "/etc/shadow", "symbolic link")]
    [InlineData(TarEntryType.HardLink, "out/a", "hard link")]
    [InlineData(TarEntryType.Fifo, null, "FIFO")]
    [InlineData(TarEntryType.CharacterDevice, null, "device")]
    [InlineData(TarEntryType.BlockDevice, null, "device")]
    public async Task CollectAsync_SpecialEntry_RejectsWithoutCreatingIt(TarEntryType type, string? link, string reason)
    {
        var sut = CreateSut();

        await sut.CollectAsync(new TarBuilder().Entry(type, "out/predictions.csv", link).Build(), CancellationToken.None);

        var rejected = Assert.Single(sut.Rejected);
        Assert.Equal("predictions.csv", rejected.Path);
        Assert.Contains(reason, rejected.Reason);
        Assert.False(Path.Exists(Path.Combine(_destination, "predictions.csv")));
    }

    [Theory]
    [InlineData("out/../../etc/passwd")]
    [InlineData("out/a/../../x")]
    [InlineData("out/a//x")]
    public async Task CollectAsync_PathEscaping_Rejects(string name)
    {
        var sut = CreateSut();

        await sut.CollectAsync(new TarBuilder().File(name, "x").Build(), CancellationToken.None);

        Assert.Contains("escapes", Assert.Single(sut.Rejected).Reason);
        Assert.Empty(sut.Outputs);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_destination));
    }

    [Fact]
    public async Task CollectAsync_OverLimits_KeepsWithinAndReportsTheRest()
    {
        var sut = CreateSut(new OutputLimits { MaxFiles = 2, MaxFileBytes = 4, MaxTotalBytes = 6 });
        var tar = new TarBuilder().File("out/big", "12345").File("out/a", "1234").File("out/b", "123").File("out/c", "1")
            .File("out/d", "1").Build();

        await sut.CollectAsync(tar, CancellationToken.None);

        Assert.Equal(["a", "c"], sut.Outputs.Select(o => o.Path));
        Assert.Equal(["big", "b", "d"], sut.Rejected.Select(r => r.Path));
        Assert.Contains("per file", sut.Rejected[0].Reason);
        Assert.Contains("in total", sut.Rejected[1].Reason);
        Assert.Contains("files", sut.Rejected[2].Reason);
    }

    [Fact]
    public async Task CollectAsync_ManyRejections_ListsFirstHundredAndCountsTheRest()
    {
        var sut = new OutputCollector(new OutputLimits { MaxFiles = 0 }, null);
        var builder = new TarBuilder();
        for (var i = 0; i < 250; i++)
        {
            builder.File($"out/f{i}", "");
        }

        await sut.CollectAsync(builder.Build(), CancellationToken.None);

        Assert.Equal(OutputCollector.MaxListedRejections + 1, sut.Rejected.Count);
        Assert.Equal("150 more entries rejected", sut.Rejected[^1].Reason);
    }

    [Fact]
    public async Task CollectAsync_NoDestination_ListsWithoutWriting()
    {
        var sut = new OutputCollector(new OutputLimits(), null);

        await sut.CollectAsync(new TarBuilder().File("out/p.csv", "1").Build(), CancellationToken.None);

        Assert.Equal("p.csv", Assert.Single(sut.Outputs).Path);
        Assert.False(Directory.Exists(_destination));
    }

    private static string Sha(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
