using Course.Grader.Submissions;

namespace Course.Grader.Tests.Support;

/// <summary>Records submissions straight into a course's database with a chosen arrival time and a snapshot holding run.sh.</summary>
internal static class SnapshotSubmissions
{
    /// <summary>
    /// Records <paramref name="owner"/>'s submission of hw1 received at <paramref name="receivedAt"/>; its snapshot folder
    /// holds <paramref name="runScript"/> as run.sh, or does not exist yet when that is null. Returns the snapshot folder.
    /// </summary>
    public static async Task<string> SubmitAsync(TestCourse course, string owner, DateTimeOffset receivedAt, string? runScript)
    {
        var snapshot = Path.Combine(course.Directory, "snapshots", owner);
        if (runScript is not null)
        {
            Write(snapshot, runScript);
        }

        await course.QueryAsync(async db =>
        {
            db.Submissions.Add(new Submission
            {
                Id = Guid.NewGuid(),
                Assignment = TestCourse.Assignment,
                Owner = owner,
                IsTeam = false,
                Repository = $"hw1-{owner}",
                Commit = $"{owner}0000000000000000000000000000000000000"[..40],
                Source = SubmissionSource.Local,
                ReceivedAt = receivedAt,
                SnapshotPath = snapshot,
            });
            return await db.SaveChangesAsync();
        });
        return snapshot;
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
