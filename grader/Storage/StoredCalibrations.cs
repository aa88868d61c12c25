using System.Text.Json;
using Course.Core.Output;
using Course.Grader.Calibration;
using Course.Grader.Grading;
using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Storage;

/// <summary>
/// Calibrations in the store: <c>grader calibrate</c> saves its folder here, and grading finds the reference's and
/// the baseline's /out here (unpacked once into scratch space), so a worker needs no copy of them on its disk.
/// A folder the staff name themselves (<c>Grader:ReferenceOutputs</c>, <c>Grader:BaselineOutputs</c>) wins; a role
/// that was never stored is looked for where a version before the store kept it (<see cref="GradingPaths"/>).
/// An instance serves one scope (one graded job): it looks an assignment's calibration up once, however often the
/// set-up check, the scoring and the recorded inputs ask.
/// </summary>
internal sealed class StoredCalibrations(GraderDbContext db, IBlobStore store, GradingPaths paths, TimeProvider time)
{
    private readonly Dictionary<string, string?> _archives = new(StringComparer.Ordinal);

    /// <summary>Stores the calibration folder of <paramref name="assignment"/>, replacing the one stored before.</summary>
    public async Task SaveAsync(string assignment, string folder, CancellationToken cancellation)
    {
        var key = await store.PutFolderAsync(folder, cancellation);
        var stored = await db.Calibrations.SingleOrDefaultAsync(c => c.Assignment == assignment, cancellation);
        if (stored is null)
        {
            db.Calibrations.Add(new StoredCalibration { Assignment = assignment, ArchiveKey = key, StoredAt = time.GetUtcNow() });
        }
        else
        {
            stored.ArchiveKey = key;
            stored.StoredAt = time.GetUtcNow();
        }

        await db.SaveChangesAsync(cancellation);
        _archives[assignment] = key;
    }

    /// <summary>What the stored calibration found (scores, curve, flags), or null when the assignment was never calibrated.</summary>
    public async Task<CalibrationReport?> ReportAsync(string assignment, CancellationToken cancellation)
    {
        if (await db.Calibrations.AsNoTracking().SingleOrDefaultAsync(c => c.Assignment == assignment, cancellation) is not { } stored)
        {
            return null;
        }

        var file = Path.Combine(await UnpackedAsync(stored.ArchiveKey, cancellation), CalibrationReport.FileName);
        return File.Exists(file) ? JsonSerializer.Deserialize<CalibrationReport>(await File.ReadAllTextAsync(file, cancellation), Json.Options) : null;
    }

    public Task<bool> IsStoredAsync(string assignment, CancellationToken cancellation) =>
        db.Calibrations.AnyAsync(c => c.Assignment == assignment, cancellation);

    /// <summary>The reference's /out: the expected outputs of a tests or debug assignment.</summary>
    public Task<string> ReferenceOutputsAsync(string assignment, CancellationToken cancellation) =>
        OutputsAsync(assignment, "reference", paths.ReferenceOutputs, cancellation);

    /// <summary>The trivial baseline's /out.</summary>
    public Task<string> BaselineOutputsAsync(string assignment, CancellationToken cancellation) =>
        OutputsAsync(assignment, "baseline", paths.BaselineOutputs, cancellation);

    private async Task<string> OutputsAsync(string assignment, string role, Func<string, string> folder, CancellationToken cancellation)
    {
        if (!paths.NamesCalibratedFolder(role) && await ArchiveAsync(assignment, cancellation) is { } archive)
        {
            var outputs = Path.Combine(await UnpackedAsync(archive, cancellation), role, "out");
            if (Directory.Exists(outputs))
            {
                return outputs;
            }
        }

        return folder(assignment);
    }

    private async Task<string?> ArchiveAsync(string assignment, CancellationToken cancellation)
    {
        if (!_archives.TryGetValue(assignment, out var key))
        {
            key = await db.Calibrations.AsNoTracking().Where(c => c.Assignment == assignment).Select(c => c.ArchiveKey)
                .SingleOrDefaultAsync(cancellation);
            _archives[assignment] = key;
        }

        return key;
    }

    private async Task<string> UnpackedAsync(string key, CancellationToken cancellation)
    {
        var target = paths.Unpacked(key);
        if (Directory.Exists(target))
        {
            return target;
        }

        var staging = paths.Staging();
        try
        {
            await store.MaterializeAsync(key, staging, cancellation);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            Directory.Move(staging, target);
        }
        catch (IOException) when (Directory.Exists(target))
        {
            // Another run unpacked the same archive first; its copy is identical.
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return target;
    }
}
