using System.IO.Compression;
using Course.Assignments.Datasets;

namespace Course.Assignments.Tests.Datasets;

public sealed class IdxReaderTests
{
    [Fact]
    public void Read_WrittenGzipFile_RoundTrips()
    {
        using var folder = new ScratchFolder();
        var data = Enumerable.Range(0, 3 * 4 * 5).Select(i => (byte)(i * 7 % 256)).ToArray();
        IdxWriter.Write(folder.File("images.gz"), new IdxFile([3, 4, 5], data));

        var file = IdxReader.Read(folder.File("images.gz"));

        Assert.Equal([3, 4, 5], file.Dimensions);
        Assert.Equal(20, file.ItemSize);
        Assert.Equal(data, file.Data);
    }

    [Fact]
    public void Read_WithLimit_ReturnsFirstItemsOnly()
    {
        using var folder = new ScratchFolder();
        var data = Enumerable.Range(0, 10).Select(i => (byte)i).ToArray();
        IdxWriter.Write(folder.File("labels.gz"), new IdxFile([10], data));

        var file = IdxReader.Read(folder.File("labels.gz"), limit: 4);

        Assert.Equal(4, file.Count);
        Assert.Equal(data[..4], file.Data);
    }

    [Fact]
    public void Read_PlainUncompressedFile_IsAccepted()
    {
        using var folder = new ScratchFolder();
        File.WriteAllBytes(folder.File("plain"), [0, 0, 8, 1, 0, 0, 0, 2, 5, 6]);

        var file = IdxReader.Read(folder.File("plain"));

        Assert.Equal(new byte[] { 5, 6 }, file.Data);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 8, 1, 0, 0, 0, 1, 0 }, "magic number")]
    [InlineData(new byte[] { 0, 0, 0x0d, 1, 0, 0, 0, 1, 0, 0, 0, 0 }, "element type 0x0d")]
    [InlineData(new byte[] { 0, 0, 8, 9 }, "9 dimensions")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 3, 1, 2 }, "file ends after 2 of the 3 bytes")]
    [InlineData(new byte[] { 0, 0, 8, 1, 0, 0, 0, 1, 1, 2 }, "data continues")]
    [InlineData(new byte[] { 0, 0, 8, 2, 0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff }, "more than")]
    [InlineData(new byte[] { 0, 0, 8 }, "file ends after 3 of the 4 bytes of the header")]
    public void Read_MalformedFile_ThrowsNamingFileAndDefect(byte[] content, string expected)
    {
        using var folder = new ScratchFolder();
        var path = folder.File("broken-idx");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(content);
        }

        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Read(path));

        Assert.Contains("broken-idx", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FashionMnistFromDebianPackage_HasItsShape()
    {
        // The course's data set (Debian dataset-fashion-mnist, installed by scripts/prerequisites.sh).
        var path = "/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz";
        Assert.True(File.Exists(path), $"{path} is missing: run scripts/prerequisites.sh");

        var labels = IdxReader.Read(path);

        Assert.Equal(10_000, labels.Count);
        Assert.All(Enumerable.Range(0, 10), k => Assert.Equal(1000, labels.Data.Count(b => b == k)));
    }
}
