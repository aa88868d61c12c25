namespace Course.Grader.Intake.Archives;

/// <summary>The archive formats intake accepts.</summary>
internal enum ArchiveFormat
{
    /// <summary>A gzip-compressed tar, as GitHub's tarball endpoint serves.</summary>
    TarGz,

    /// <summary>A zip file, as students upload.</summary>
    Zip,
}
