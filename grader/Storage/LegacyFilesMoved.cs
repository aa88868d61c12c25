namespace Course.Grader.Storage;

/// <summary>What one run of <see cref="LegacyFiles.MoveAsync"/> moved into the store, and the files its records named that were gone.</summary>
internal sealed record LegacyFilesMoved(int Snapshots, int Results, int Uploads, int Calibrations, IReadOnlyList<string> Missing)
{
    public int Total => Snapshots + Results + Uploads + Calibrations;
}
