using System.Formats.Tar;

namespace Course.Sandbox.Tests.Support;

/// <summary>Builds a tar stream shaped like the engine's archive of /out ("out/..."), for hostile entries the engine would not make.</summary>
internal sealed class TarBuilder
{
    private readonly MemoryStream _stream = new();
    private readonly TarWriter _writer;

    public TarBuilder()
    {
        _writer = new TarWriter(_stream, TarEntryFormat.Pax, leaveOpen: true);
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "out/"));
    }

    public TarBuilder File(string name, string content) => File(name, System.Text.Encoding.UTF8.GetBytes(content));

    public TarBuilder File(string name, byte[] content)
    {
        _writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        return this;
    }

    public TarBuilder Entry(TarEntryType type, string name, string? linkName = null)
    {
        var entry = new PaxTarEntry(type, name);
        if (linkName is not null)
        {
            entry.LinkName = linkName;
        }

        _writer.WriteEntry(entry);
        return this;
    }

    public MemoryStream Build()
    {
        _writer.Dispose();
        _stream.Position = 0;
        return _stream;
    }
}
