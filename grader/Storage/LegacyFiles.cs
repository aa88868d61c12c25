using Course.Assignments.Courses;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// The upgrade step of <c>grader db migrate</c>: moves what a version before the store kept in folders (snapshots,
/// run folders with their /out, feedback, metrics log and curve, uploaded predictions, calibrations) into the store
/// and records the keys. Idempotent: a record that has its key is skipped, so a second run moves nothing. The old
/// files are left where they were; nothing reads them any more.
/// </summary>
internal sealed class LegacyFiles(GraderDbContext db, IBlobStore store, StoredCalibrations calibrations, GradingPaths paths,
    ICourseProvider course)
{
    public async Task<LegacyFilesMoved> MoveAsync(CancellationToken cancellation)
    {
        var missing = new List<string>();
        var snapshots = await MoveSnapshotsAsync(missing, cancellation);
        var results = await MoveResultsAsync(missing, cancellation);
        var uploads = await MoveUploadsAsync(cancellation);
        var calibrated = 0;
        foreach (var assignment in course.Course.Assignments)
        {
            var folder = paths.Calibration(assignment.Id);
            if (Directory.Exists(folder) && !await calibrations.IsStoredAsync(assignment.Id, cancellation))
            {
                await calibrations.SaveAsync(assignment.Id, folder, cancellation);
                calibrated++;
            }
        }

        return new LegacyFilesMoved(snapshots, results, uploads, calibrated, missing);
    }

    // Records are read and updated by their paths only: a path names one folder, whatever ids the rows have.
    private async Task<int> MoveSnapshotsAsync(List<string> missing, CancellationToken cancellation)
    {
        var moved = 0;
        var folders = await db.Submissions.Where(s => s.SnapshotKey == null && s.SnapshotPath != null).Select(s => s.SnapshotPath!).Distinct()
            .ToListAsync(cancellation);
        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                missing.Add($"snapshot {folder}");
                continue;
            }

            var key = await store.PutFolderAsync(folder, cancellation);
            moved += await db.Submissions.Where(s => s.SnapshotPath == folder && s.SnapshotKey == null)
                .ExecuteUpdateAsync(set => set.SetProperty(s => s.SnapshotKey, key), cancellation);
        }

        return moved;
    }

    private async Task<int> MoveResultsAsync(List<string> missing, CancellationToken cancellation)
    {
        var moved = 0;
        var runs = await db.Results.Where(r => r.FeedbackKey == null && r.FeedbackPath != null)
            .Select(r => new { Feedback = r.FeedbackPath!, r.MetricsLogPath, r.TrainingCurvePath }).ToListAsync(cancellation);
        foreach (var run in runs)
        {
            if (!File.Exists(run.Feedback))
            {
                missing.Add($"feedback {run.Feedback}");
                continue;
            }

            var output = Path.Combine(Path.GetDirectoryName(run.Feedback)!, "out");
            var outputs = Directory.Exists(output) ? await store.PutFolderAsync(output, cancellation) : null;
            var metrics = await PutIfPresentAsync(run.MetricsLogPath, missing, cancellation);
            var curve = await PutIfPresentAsync(run.TrainingCurvePath, missing, cancellation);
            var feedback = await store.PutFileAsync(run.Feedback, cancellation);
            // One update: the feedback key, which marks the result as moved, comes with the others.
            moved += await db.Results.Where(r => r.FeedbackPath == run.Feedback && r.FeedbackKey == null)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(r => r.OutputsKey, outputs)
                    .SetProperty(r => r.MetricsLogKey, metrics)
                    .SetProperty(r => r.TrainingCurveKey, curve)
                    .SetProperty(r => r.FeedbackKey, feedback), cancellation);
        }

        return moved;
    }

    private async Task<string?> PutIfPresentAsync(string? path, List<string> missing, CancellationToken cancellation)
    {
        if (path is null)
        {
            return null;
        }

        if (!File.Exists(path))
        {
            missing.Add(path);
            return null;
        }

        return await store.PutFileAsync(path, cancellation);
    }

    /// <summary>Uploads were kept as uploads/&lt;assignment&gt;/&lt;id&gt;.csv, with no record: the file names are the record.</summary>
    private async Task<int> MoveUploadsAsync(CancellationToken cancellation)
    {
        if (!Directory.Exists(paths.Uploads))
        {
            return 0;
        }

        var moved = 0;
        foreach (var file in Directory.EnumerateFiles(paths.Uploads, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var id = Uri.UnescapeDataString(Path.GetFileNameWithoutExtension(file));
            if (await db.Uploads.AnyAsync(u => u.Id == id, cancellation))
            {
                continue;
            }

            db.Uploads.Add(new KeptUpload
            {
                Id = id,
                Assignment = Uri.UnescapeDataString(Path.GetFileName(Path.GetDirectoryName(file)!)),
                Key = await store.PutFileAsync(file, cancellation),
                ReceivedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero),
            });
            await db.SaveChangesAsync(cancellation);
            moved++;
        }

        return moved;
    }
}
