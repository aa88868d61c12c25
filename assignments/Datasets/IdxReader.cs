using System.IO.Compression;

namespace Course.Assignments.Datasets;

/// <summary>
/// Reads IDX files of unsigned bytes, gzip-compressed (as Debian's dataset-fashion-mnist ships them)
/// or plain. Strict: a wrong magic number, an element type other than ubyte, a header that claims more
/// than <see cref="MaxValues"/> values, or a file shorter or longer than its header says is an
/// <see cref="InvalidDataException"/> naming the file. This source is also compiled into the
/// TorchSharp reference, so it depends on nothing but the base library.
/// </summary>
internal static class IdxReader
{
    /// <summary>Upper bound on the values of one file (Fashion-MNIST's training images are 47 million).</summary>
    public const long MaxValues = 200_000_000;

    private const byte UnsignedByteType = 0x08;

    /// <summary>Reads <paramref name="path"/>; gzip is detected from its first two bytes.</summary>
    /// <param name="limit">Read only the first <paramref name="limit"/> items (all when null).</param>
    public static IdxFile Read(string path, int? limit = null)
    {
        using var file = File.OpenRead(path);
        var gzip = file.ReadByte() == 0x1f && file.ReadByte() == 0x8b;
        file.Position = 0;
        using var stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        return Read(stream, path, limit);
    }

    /// <summary>Reads an uncompressed IDX stream; <paramref name="name"/> is used in error messages.</summary>
    public static IdxFile Read(Stream stream, string name, int? limit = null)
    {
        if (limit is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "must not be negative");
        }

        var header = ReadExactly(stream, 4, name, "the header");
        if (header[0] != 0 || header[1] != 0)
        {
            throw new InvalidDataException($"{name}: not an IDX file (magic number starts with {header[0]:x2} {header[1]:x2}, expected 00 00)");
        }

        if (header[2] != UnsignedByteType)
        {
            throw new InvalidDataException($"{name}: element type 0x{header[2]:x2} is not supported (only unsigned bytes, 0x08)");
        }

        int rank = header[3];
        if (rank is < 1 or > 4)
        {
            throw new InvalidDataException($"{name}: {rank} dimensions (expected 1 to 4)");
        }

        var dimensions = new int[rank];
        long total = 1;
        var bytes = ReadExactly(stream, 4 * rank, name, "the dimensions");
        for (var i = 0; i < rank; i++)
        {
            var size = (bytes[4 * i] << 24) | (bytes[(4 * i) + 1] << 16) | (bytes[(4 * i) + 2] << 8) | bytes[(4 * i) + 3];
            if (size < 0)
            {
                throw new InvalidDataException($"{name}: dimension {i} is {(uint)size}, too large");
            }

            dimensions[i] = size;
            total *= size;
            if (total > MaxValues)
            {
                throw new InvalidDataException($"{name}: the header claims more than {MaxValues:N0} values");
            }
        }

        var itemSize = (int)(dimensions[0] == 0 ? 0 : total / dimensions[0]);
        var count = limit is { } l ? Math.Min(l, dimensions[0]) : dimensions[0];
        var data = ReadExactly(stream, checked(count * itemSize), name, $"{count} items of {itemSize} values");
        if (count == dimensions[0] && stream.ReadByte() != -1)
        {
            throw new InvalidDataException($"{name}: data continues after the {total:N0} values the header declares");
        }

        dimensions[0] = count;
        return new IdxFile(dimensions, data);
    }

    private static byte[] ReadExactly(Stream stream, int length, string name, string what)
    {
        var buffer = new byte[length];
        var read = 0;
        while (read < length)
        {
            var n = stream.Read(buffer, read, length - read);
            if (n == 0)
            {
                throw new InvalidDataException($"{name}: file ends after {read} of the {length} bytes of {what}");
            }

            read += n;
        }

        return buffer;
    }
}
