using System.Text;

namespace Course.Grader.Storage;

/// <summary>Files and text in and out of an <see cref="IBlobStore"/>.</summary>
internal static class BlobStoreExtensions
{
    public static async Task<string> PutFileAsync(this IBlobStore store, string path, CancellationToken cancellation)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return await store.PutAsync(file, cancellation);
    }

    public static async Task<string> PutTextAsync(this IBlobStore store, string text, CancellationToken cancellation)
    {
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
        return await store.PutAsync(content, cancellation);
    }

    /// <summary>The blob as UTF-8 text; null when it is missing.</summary>
    public static async Task<string?> ReadTextAsync(this IBlobStore store, string key, CancellationToken cancellation)
    {
        await using var content = await store.OpenAsync(key, cancellation);
        if (content is null)
        {
            return null;
        }

        using var reader = new StreamReader(content, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellation);
    }
}
