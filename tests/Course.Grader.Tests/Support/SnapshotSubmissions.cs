using Course.Grader.Submissions;
using Microsoft.EntityFrameworkCore;

namespace Course.Grader.Tests.Support;

/// <summary>Records submissions straight into a course's database with a chosen arrival time and a stored snapshot holding run.sh.</summary>
internal static class SnapshotSubmissions
{
    /// <summary>
    /// Records <paramref name="owner"/>'s submission of hw1 received at <paramref name="receivedAt"/>; its stored snapshot
    /// holds <paramref name="runScript"/> as run.sh, or is not in the store yet when that is null.
    /// </summary>
    public static async Task SubmitAsync(TestCourse course, string owner, DateTimeOffset receivedAt, string? runScript)
    {
        await course.QueryAsync(async db =>
        {
            db.Submissions.Add(new Submission
            {
                Id = Guid.NewGuid(),
                Assignment = TestCourse.Assignment,
                Owner = owner,
                IsTeam = false,
                Repository = $"hw1-{owner}",
                Commit = owner.PadRight(40, '0')[..40],
                Source = SubmissionSource.Local,
                ReceivedAt = receivedAt,
            });
            return await db.SaveChangesAsync();
        });
        if (runScript is not null)
        {
            await StoreAsync(course, owner, runScript);
        }
    }

    /// <summary>Stores a snapshot holding <paramref name="runScript"/> as run.sh as <paramref name="owner"/>'s submission's.</summary>
    public static async Task StoreAsync(TestCourse course, string owner, string runScript)
    {
        var snapshot = Path.Combine(course.Directory, "snapshots", owner);
        Write(snapshot, runScript);
        var key = await course.StoreFolderAsync(snapshot);
        await course.QueryAsync(db => db.Submissions.Where(s => s.Owner == owner)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.SnapshotKey, key)));
    }

    /// <summary>Writes run.sh into <paramref name="snapshot"/>.</summary>
    public static void Write(string snapshot, string runScript)
    {
        Directory.CreateDirectory(snapshot);
        File.WriteAllText(Path.Combine(snapshot, "run.sh"), runScript);
    }

    /// <summary>A run.sh that writes hw1's result.json with <paramref name="sum"/>.</summary>
    public static string Writing(string sum) => $"echo '{{\"sum\": {sum}, \"items\": [1, 2, 3]}}' > /out/result.json\n";
}
