using System.Formats.Tar;
using System.IO.Compression;
using System.Runtime.Versioning;
using System.Text;
using Course.Core.Errors;
using Course.Grader.Intake.Archives;

namespace Course.Grader.Tests.Intake.Archives;

public sealed class ArchiveExtractorTests : IDisposable
{
    private const long Gigabyte = 1L << 30;
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task ExtractAsync_GitHubTarball_StripsTopFolderAndKeepsFiles()
    {
        var archive = Build(tar => tar
            .GlobalHeader("0123456789abcdef")
            .Entry(TarEntryType.Directory, "octo-hw3-abc123/")
            .File("octo-hw3-abc123/run.sh", new MemoryStream("echo hi"u8.ToArray()), UnixFileMode.UserRead | UnixFileMode.UserExecute)
            .File("octo-hw3-abc123/src/model.py", "print(1)"));

        var report = await ExtractTar(archive);

        Assert.True(report.Complete);
        Assert.Empty(report.Rejected);
        Assert.Equal(["run.sh", "src/model.py"], report.Files.Select(f => f.Path).Order());
        Assert.Equal("print(1)", await File.ReadAllTextAsync(Dest("src", "model.py")));
        Assert.True(File.GetUnixFileMode(Dest("run.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.False(File.GetUnixFileMode(Dest("src", "model.py")).HasFlag(UnixFileMode.UserExecute));
    }

    [Theory]
    [InlineData("top/../../escape.txt")]
    [InlineData("top/a/../../../escape.txt")]
    [InlineData("../escape.txt")]
    public async Task ExtractAsync_DotDotPath_IsRejectedAndNothingLandsOutside(string name)
    {
        var archive = Build(tar => tar.File(name, "owned").File("top/ok.txt", "fine"));

        var report = await ExtractTar(archive);

        var rejected = Assert.Single(report.Rejected);
        Assert.Contains("..", rejected.Reason, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("escape.txt")));
        Assert.Equal(["ok.txt"], report.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task ExtractAsync_AbsolutePath_IsRejected()
    {
        var archive = Build(tar => tar.File("/etc/passwd-owned", "x").File("top/ok.txt", "fine"));

        var report = await ExtractTar(archive);

        Assert.Equal("absolute path", Assert.Single(report.Rejected).Reason);
        Assert.Single(report.Files);
    }

    [Theory]
    [InlineData(TarEntryType.SymbolicLink, "/etc/shadow", "symbolic link")]
    [InlineData(TarEntryType.SymbolicLink, "inside.txt", "symbolic link")]
    [InlineData(TarEntryType.HardLink, "top/inside.txt", "hard link")]
    public async Task ExtractAsync_Link_IsRejectedAndNotCreated(TarEntryType type, string target, string reason)
    {
        var archive = Build(tar => tar.File("top/inside.txt", "x").Entry(type, "top/predictions.csv", target));

        var report = await ExtractTar(archive);

        Assert.StartsWith(reason, Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
        Assert.False(Path.Exists(Dest("predictions.csv")));
    }

    [Theory]
    [InlineData(TarEntryType.Fifo)]
    [InlineData(TarEntryType.CharacterDevice)]
    [InlineData(TarEntryType.BlockDevice)]
    public async Task ExtractAsync_SpecialFile_IsRejected(TarEntryType type)
    {
        var archive = Build(tar => tar.Entry(type, "top/predictions.csv"));

        var report = await ExtractTar(archive);

        Assert.Contains(type.ToString(), Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
        Assert.False(Path.Exists(Dest("predictions.csv")));
    }

    [Fact]
    public async Task ExtractAsync_HundredThousandFiles_StopsAtFileCap()
    {
        var archive = Build(tar =>
        {
            for (var i = 0; i < 100_000; i++)
            {
                tar.File($"top/f{i}", Stream.Null);
            }
        });

        // A lower cap than the default keeps the test quick; the entries are still all 100,000.
        var report = await ExtractTar(archive, new ExtractionLimits { MaxFiles = 1_000 });

        Assert.False(report.Complete);
        Assert.Contains("more than 1,000 files", report.Aborted, StringComparison.Ordinal);
        Assert.Equal(1_000, report.Files.Count);
    }

    [Fact]
    public async Task ExtractAsync_GigabyteOfZeros_StopsAtPerFileCap()
    {
        var archive = Build(tar => tar.File("top/zeros.bin", new ZeroStream(Gigabyte)));

        var report = await ExtractTar(archive);

        Assert.Contains("per-file cap", report.Aborted, StringComparison.Ordinal);
        Assert.False(File.Exists(Dest("zeros.bin")));
    }

    [Fact]
    public async Task ExtractAsync_GigabyteOfZerosUnderLooseFileCap_StopsAtTotalCapByCountingBytes()
    {
        var archive = Build(tar => tar.File("top/small.txt", "x").File("top/zeros.bin", new ZeroStream(Gigabyte)));
        var limits = new ExtractionLimits { MaxFileBytes = 2 * Gigabyte, MaxTotalBytes = 8L << 20 };

        var report = await ExtractTar(archive, limits);

        Assert.Contains("total cap of 8,388,608 bytes", report.Aborted, StringComparison.Ordinal);
        Assert.False(File.Exists(Dest("zeros.bin")));
        Assert.Equal(["small.txt"], report.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task ExtractAsync_ZipWithGigabyteOfZeros_StopsAtPerFileCap()
    {
        var archive = BuildZip(zip =>
        {
            using var entry = zip.CreateEntry("zeros.bin", CompressionLevel.Fastest).Open();
            new ZeroStream(Gigabyte).CopyTo(entry, 1 << 20);
        });

        var report = await ExtractZip(archive);

        Assert.Contains("per-file cap", report.Aborted, StringComparison.Ordinal);
        Assert.False(File.Exists(Dest("zeros.bin")));
    }

    [Theory]
    [InlineData("top/evil\nname.csv")]
    [InlineData("top/tab\tname.csv")]
    [InlineData("top/back\\slash.csv")]
    public async Task ExtractAsync_OddName_IsRejectedWithPrintableName(string name)
    {
        var archive = Build(tar => tar.RawFile(Encoding.UTF8.GetBytes(name), "x"u8.ToArray()));

        var report = await ExtractTar(archive);

        var rejected = Assert.Single(report.Rejected);
        Assert.DoesNotContain('\n', rejected.Path);
        Assert.DoesNotContain('\t', rejected.Path);
        Assert.Empty(report.Files);
    }

    [Fact]
    public async Task ExtractAsync_InvalidUtf8Name_IsRejected()
    {
        var archive = Build(tar => tar
            .RawFile([.. "top/bad-"u8, 0xFF, 0xFE, .. ".csv"u8], "1,2"u8.ToArray())
            .File("top/good.csv", "1,2"));

        var report = await ExtractTar(archive);

        Assert.Equal("name is not valid UTF-8", Assert.Single(report.Rejected).Reason);
        Assert.Equal(["good.csv"], report.Files.Select(f => f.Path));
    }

    [Fact]
    public async Task ExtractAsync_NamesDifferingOnlyInCase_KeepsFirstAndReportsSecond()
    {
        var archive = Build(tar => tar.File("top/Model.py", "first").File("top/model.py", "second").File("top/model.PY/x", "third"));

        var report = await ExtractTar(archive);

        Assert.Equal(["Model.py"], report.Files.Select(f => f.Path));
        Assert.Equal(2, report.Rejected.Count);
        Assert.All(report.Rejected, r => Assert.Contains("letter case", r.Reason, StringComparison.Ordinal));
        Assert.Equal("first", await File.ReadAllTextAsync(Dest("Model.py")));
    }

    [Fact]
    public async Task ExtractAsync_SameNameTwice_KeepsFirst()
    {
        var archive = Build(tar => tar.File("top/a.txt", "first").File("top/a.txt", "second"));

        var report = await ExtractTar(archive);

        Assert.Equal("appears twice in the archive", Assert.Single(report.Rejected).Reason);
        Assert.Equal("first", await File.ReadAllTextAsync(Dest("a.txt")));
    }

    [Fact]
    public async Task ExtractAsync_EntryOutsideTopFolder_IsRejected()
    {
        var archive = Build(tar => tar.File("top/a.txt", "a").File("other/b.txt", "b"));

        var report = await ExtractTar(archive);

        Assert.StartsWith("outside the archive's top folder", Assert.Single(report.Rejected).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_ZipSymlinkAndDotDot_AreRejected()
    {
        var archive = BuildZip(zip =>
        {
            var link = zip.CreateEntry("predictions.csv");
            link.ExternalAttributes = unchecked((int)0xA1FF0000);
            using (var writer = new StreamWriter(link.Open()))
            {
                writer.Write("/etc/shadow");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("../../escape.txt").Open()))
            {
                writer.Write("owned");
            }

            using (var writer = new StreamWriter(zip.CreateEntry("dir/ok.txt").Open()))
            {
                writer.Write("fine");
            }
        });

        var report = await ExtractZip(archive);

        Assert.Equal(2, report.Rejected.Count);
        Assert.Contains(report.Rejected, r => r.Reason.StartsWith("symbolic link", StringComparison.Ordinal));
        Assert.Equal(["dir/ok.txt"], report.Files.Select(f => f.Path));
        Assert.False(File.Exists(Dest("predictions.csv")));
    }

    [Fact]
    public async Task ExtractAsync_CorruptArchive_ReportsAbort()
    {
        var archive = _temp.Combine("corrupt.tar.gz");
        await File.WriteAllBytesAsync(archive, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5]);

        var report = await ExtractTar(archive);

        Assert.StartsWith("the archive is corrupt", report.Aborted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtractAsync_NonEmptyDestination_ThrowsBadInput()
    {
        var archive = Build(tar => tar.File("top/a.txt", "a"));
        Directory.CreateDirectory(Dest());
        await File.WriteAllTextAsync(Dest("keep.txt"), "x");

        await Assert.ThrowsAsync<BadInputException>(() => ExtractTar(archive));
    }

    private string Dest(params string[] parts) => _temp.Combine(["out", .. parts]);

    private string Build(Action<TarGzBuilder> write)
    {
        using var builder = new TarGzBuilder(_temp.Combine("archive.tar.gz"));
        write(builder);
        return builder.Path;
    }

    private string BuildZip(Action<ZipArchive> write)
    {
        var path = _temp.Combine("archive.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create, Encoding.UTF8);
        write(zip);
        return path;
    }

    private Task<ExtractionReport> ExtractTar(string archive, ExtractionLimits? limits = null) =>
        ArchiveExtractor.ExtractFileAsync(archive, ArchiveFormat.TarGz, Dest(), stripTopFolder: true, limits);

    private Task<ExtractionReport> ExtractZip(string archive) =>
        ArchiveExtractor.ExtractFileAsync(archive, ArchiveFormat.Zip, Dest(), stripTopFolder: false);
}
