using System.IO.Compression;

namespace Course.Assignments.Datasets;

/// <summary>
/// Writes gzip-compressed IDX files of unsigned bytes: small synthetic data sets for tests and fast
/// calibration runs, in the exact layout of Debian's dataset-fashion-mnist.
/// </summary>
internal static class IdxWriter
{
    public static void Write(string path, IdxFile file)
    {
        var expected = file.Dimensions.Aggregate(1L, (a, b) => a * b);
        if (file.Data.LongLength != expected)
        {
            throw new ArgumentException($"{file.Data.LongLength} values for dimensions {string.Join('x', file.Dimensions)} ({expected})", nameof(file));
        }

        using var stream = File.Create(path);
        using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        gzip.Write([0, 0, 0x08, checked((byte)file.Dimensions.Count)]);
        foreach (var size in file.Dimensions)
        {
            gzip.Write([unchecked((byte)(size >> 24)), unchecked((byte)(size >> 16)), unchecked((byte)(size >> 8)), unchecked((byte)size)]);
        }

        gzip.Write(file.Data);
    }
}
