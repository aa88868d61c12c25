namespace Course.Grader.Intake.Archives;

/// <summary>
/// Copies bytes from outside (a tarball download, an HTTP upload) to a file, failing as soon as more
/// than a cap has come: a sender that lies about its length, or gives none, never fills the disk.
/// </summary>
internal static class CappedCopy
{
    public static async Task CopyAsync(Stream from, Stream to, long cap, Func<Exception> tooLarge, CancellationToken cancellation)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellation)) > 0)
        {
            total += read;
            if (total > cap)
            {
                throw tooLarge();
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellation);
        }
    }
}
