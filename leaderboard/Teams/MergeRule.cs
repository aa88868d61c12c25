namespace Course.Leaderboard.Teams;

/// <summary>
/// Kaggle's team merge rule: two teams may merge while the competition is open, if the merged team
/// is not larger than the team size limit and their combined counted submissions do not exceed
/// what one team could have made so far (daily limit × days since the competition opened,
/// the opening day included) — so merging can never buy extra submissions.
/// </summary>
internal static class MergeRule
{
    public static MergeVerdict Check(MergeCandidate first, MergeCandidate second, int dailyLimit, int? maxTeamSize,
        DateOnly opened, DateOnly today, DateOnly lastDay)
    {
        var problems = new List<string>();
        if (first.Name == second.Name)
        {
            problems.Add($"'{first.Name}' cannot merge with itself");
        }

        if (today > lastDay)
        {
            problems.Add($"the competition closed on {lastDay:yyyy-MM-dd}");
        }

        var members = first.Members + second.Members;
        if (maxTeamSize is { } max && members > max)
        {
            problems.Add($"the merged team would have {members} members, more than {max}");
        }

        var days = Math.Max(today.DayNumber - opened.DayNumber + 1, 1);
        var allowed = (long)dailyLimit * days;
        var combined = first.Submissions + second.Submissions;
        if (combined > allowed)
        {
            problems.Add($"together they made {combined} submissions, more than the {allowed} one team may have made by {today:yyyy-MM-dd} ({dailyLimit} a day for {days} day(s))");
        }

        return new MergeVerdict(problems.Count == 0, combined, allowed, problems);
    }
}

/// <summary>One side of a merge: its name, member count and counted submissions.</summary>
internal sealed record MergeCandidate(string Name, int Members, int Submissions);

/// <summary>Whether the merge is allowed, and every reason it is not.</summary>
internal sealed record MergeVerdict(bool Allowed, int CombinedSubmissions, long AllowedSubmissions, IReadOnlyList<string> Problems);
