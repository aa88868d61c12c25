using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Course.Grader.Tests.Intake.Archives;

/// <summary>Writes a .tar.gz entry by entry, streaming, including entries no well-behaved tool would make.</summary>
internal sealed class TarGzBuilder : IDisposable
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly TarWriter _tar;

    public TarGzBuilder(string path)
    {
        Path = path;
        _file = System.IO.File.Create(path);
        _gzip = new GZipStream(_file, CompressionLevel.Fastest);
        _tar = new TarWriter(_gzip, TarEntryFormat.Ustar, leaveOpen: true);
    }

    public string Path { get; }

    public TarGzBuilder File(string name, string content) => File(name, new MemoryStream(Encoding.UTF8.GetBytes(content)));

    public TarGzBuilder File(string name, Stream content, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        _tar.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = content, Mode = mode });
        return this;
    }

    public TarGzBuilder Entry(TarEntryType type, string name, string? linkName = null)
    {
        var entry = new UstarTarEntry(type, name);
        if (linkName is not null)
        {
            entry.LinkName = linkName;
        }

        _tar.WriteEntry(entry);
        return this;
    }

    public TarGzBuilder GlobalHeader(string commit)
    {
        _tar.WriteEntry(new PaxGlobalExtendedAttributesTarEntry(new Dictionary<string, string> { ["comment"] = commit }));
        return this;
    }

    /// <summary>A ustar file entry whose name is the given bytes, which need not be UTF-8.</summary>
    public TarGzBuilder RawFile(byte[] name, byte[] content)
    {
        var header = new byte[512];
        name.CopyTo(header, 0);
        Octal(header, 100, 8, 420);
        Octal(header, 108, 8, 0);
        Octal(header, 116, 8, 0);
        Octal(header, 124, 12, content.Length);
        Octal(header, 136, 12, 0);
        header[156] = (byte)'0';
        Encoding.ASCII.GetBytes("ustar\0").CopyTo(header, 257);
        Encoding.ASCII.GetBytes("00").CopyTo(header, 263);
        Array.Fill(header, (byte)' ', 148, 8);
        var sum = header.Sum(b => (int)b);
        Octal(header, 148, 7, sum);
        _gzip.Write(header);
        _gzip.Write(content);
        _gzip.Write(new byte[(512 - (content.Length % 512)) % 512]);
        return this;
    }

    public void Dispose()
    {
        _tar.Dispose();
        _gzip.Dispose();
        _file.Dispose();
    }

    private static void Octal(byte[] header, int offset, int width, long value) =>
        Encoding.ASCII.GetBytes(Convert.ToString(value, 8).PadLeft(width - 1, '0').ToString(CultureInfo.InvariantCulture) + "\0")
            .CopyTo(header, offset);
}
