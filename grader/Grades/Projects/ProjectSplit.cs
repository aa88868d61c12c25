using Course.Assignments.Model;

namespace Course.Grader.Grades.Projects;

/// <summary>
/// A project team's score and each member's part of it. The team score is the milestones' weighted points
/// (any member's grade of a milestone stands for the team; ungraded milestones count 0 once one is graded).
/// With every member's contribution stated (percent, from <c>CONTRIBUTIONS</c> or a TA), member i's share is
/// pᵢ / Σp and their score is <c>min(1, team × min(cap, share × members))</c>: an equal share keeps the team
/// score, a larger one raises it by at most the cap (<c>project.contributionCap</c>), a smaller one lowers it.
/// Without every contribution stated, each member gets the team score. A member who stated 0% gets no score
/// but a flag: staff decide (an override), nobody is zeroed silently.
/// </summary>
internal static class ProjectSplit
{
    public const string NothingContributed = "contributed nothing (0% stated): staff decide with an override";

    /// <param name="points">A member's latest points on an item (milestone, or the contribution in percent), or null.</param>
    public static ProjectTeamScore Compute(AssignmentSpec project, string team, IReadOnlyList<string> members,
        Func<string, string, double?> points)
    {
        var milestones = project.Project?.Milestones ?? [];
        double? TeamPoints(string item) => members.Select(m => points(m, item)).FirstOrDefault(p => p is not null);
        var graded = milestones.Where(m => TeamPoints(m.Id) is not null).ToList();
        double? teamScore = graded.Count == 0 ? null : graded.Sum(m => m.Weight * TeamPoints(m.Id)!.Value / 100) / 100;
        var stated = members.ToDictionary(m => m, m => points(m, Gradebook.ContributionItem), StringComparer.Ordinal);
        var total = stated.Values.Sum() ?? 0;
        var split = stated.Values.All(p => p is not null) && total > 0;
        var cap = project.Project?.ContributionCap ?? 1;
        return new ProjectTeamScore(team, teamScore, members.Select(login =>
        {
            var percent = stated[login];
            if (split && percent == 0)
            {
                return new ProjectMemberScore(login, percent, null, NothingContributed);
            }

            double? score = teamScore is not { } value ? null
                : split ? Individual(value, percent!.Value / total, members.Count, cap)
                : value;
            return new ProjectMemberScore(login, percent, score, null);
        }).ToList());
    }

    /// <summary>The rule: <c>min(1, team × min(cap, share × members))</c>.</summary>
    public static double Individual(double team, double share, int members, double cap) => Math.Min(1, team * Math.Min(cap, share * members));
}

/// <summary>A project team's score (fraction 0..1, null before any milestone is graded) and its members'.</summary>
internal sealed record ProjectTeamScore(string Team, double? TeamScore, IReadOnlyList<ProjectMemberScore> Members);

/// <summary>One member's stated contribution (percent, null when not stated), score (fraction) and a flag for staff.</summary>
internal sealed record ProjectMemberScore(string Login, double? Contribution, double? Score, string? Flag);
