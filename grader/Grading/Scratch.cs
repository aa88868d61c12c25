namespace Course.Grader.Grading;

/// <summary>Removal of a scratch folder once what it held is in the store.</summary>
internal static class Scratch
{
    /// <summary>
    /// Deletes <paramref name="folder"/> if it exists. A folder that cannot be removed (a container still releasing
    /// a mount) is left behind rather than failing the work: everything in it is already stored or was never kept.
    /// </summary>
    public static void Delete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
