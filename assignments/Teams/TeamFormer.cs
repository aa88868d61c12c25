using Course.Assignments.Model;
using Course.Core.Errors;

namespace Course.Assignments.Teams;

/// <summary>
/// Places students without a team. Deterministic for a seed: the unplaced students are shuffled,
/// then each goes to the smallest team below the minimum; once every team has its minimum, new
/// teams of the minimum size are opened while enough students remain, and the rest join the
/// smallest teams below the maximum. New teams are named team-01, team-02, ..., skipping taken names.
/// </summary>
public static class TeamFormer
{
    /// <param name="reserved">Names a new team may not take besides the existing teams' (the students' logins).</param>
    public static TeamPlan Form(TeamPlan existing, IReadOnlyList<string> unplaced, TeamSizeSpec size, int seed,
        IReadOnlyCollection<string>? reserved = null)
    {
        var teams = existing.Teams.ToDictionary(t => t.Key, t => t.Value.ToList(), StringComparer.Ordinal);
        var tooBig = teams.Where(t => t.Value.Count > size.Max).Select(t => $"'{t.Key}' ({t.Value.Count})").ToList();
        if (tooBig.Count > 0)
        {
            throw new BadInputException($"team(s) {string.Join(", ", tooBig)} already have more than {size.Max} members");
        }

        var queue = new Queue<string>(Shuffle(unplaced.Order(StringComparer.Ordinal).ToList(), seed));
        while (queue.Count > 0 && Smallest(teams, below: size.Min) is { } needy)
        {
            needy.Add(queue.Dequeue());
        }

        var taken = new HashSet<string>(reserved ?? [], StringComparer.Ordinal);
        var next = 1;
        while (queue.Count >= size.Min)
        {
            var name = NewName(teams, taken, ref next);
            teams[name] = Enumerable.Range(0, size.Min).Select(_ => queue.Dequeue()).ToList();
        }

        while (queue.Count > 0)
        {
            var open = Smallest(teams, below: size.Max);
            if (open is null)
            {
                // Fewer students than a team's minimum remain and every team is full: they form one undersized team.
                teams[NewName(teams, taken, ref next)] = [.. queue];
                break;
            }

            open.Add(queue.Dequeue());
        }

        return new TeamPlan(teams.ToDictionary(t => t.Key, t => (IReadOnlyList<string>)t.Value, StringComparer.Ordinal));
    }

    private static List<string>? Smallest(Dictionary<string, List<string>> teams, int below) =>
        teams.Where(t => t.Value.Count < below)
            .OrderBy(t => t.Value.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Value).FirstOrDefault();

    private static string NewName(Dictionary<string, List<string>> teams, HashSet<string> taken, ref int next)
    {
        string name;
        do
        {
            name = $"team-{next++:00}";
        }
        while (teams.ContainsKey(name) || taken.Contains(name));
        return name;
    }

    private static List<string> Shuffle(List<string> items, int seed)
    {
        var random = new Random(seed);
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }

        return items;
    }
}
