using Course.Assignments.Model;
using Course.Assignments.Teams;

namespace Course.Assignments.Tests.Teams;

/// <summary>Property-style checks over many random rosters: each case is drawn from a seeded generator.</summary>
public sealed class TeamFormerTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, 300));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Form_RandomRoster_PlacesEveryoneOnceWithinBounds(int caseSeed)
    {
        var (existing, unplaced, size) = Generate(caseSeed);

        var plan = TeamFormer.Form(existing, unplaced, size, seed: caseSeed);

        var everyone = existing.Members.Concat(unplaced).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(everyone, plan.Members.Order(StringComparer.Ordinal).ToList());
        Assert.All(plan.Teams.Values, team => Assert.InRange(team.Count, 1, size.Max));
        var feasible = everyone.Count >= size.Min;
        if (feasible && existing.Teams.Values.All(t => t.Count <= size.Max) && LeftoverFits(existing, unplaced.Count, size))
        {
            Assert.All(plan.Teams.Values, team => Assert.InRange(team.Count, size.Min, size.Max));
        }

        foreach (var (name, members) in existing.Teams)
        {
            Assert.All(members, login => Assert.Contains(login, plan.Teams[name]));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Form_SameSeed_SameTeams(int caseSeed)
    {
        var (existing, unplaced, size) = Generate(caseSeed);

        var first = TeamFormer.Form(existing, unplaced, size, seed: 42);
        var second = TeamFormer.Form(existing, unplaced.Reverse().ToList(), size, seed: 42);

        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public void Form_DifferentSeeds_PlaceStudentsDifferently()
    {
        var unplaced = Enumerable.Range(0, 40).Select(i => $"s{i:00}").ToList();
        var empty = new TeamPlan(new Dictionary<string, IReadOnlyList<string>>());

        var plans = Enumerable.Range(0, 5).Select(seed => Describe(TeamFormer.Form(empty, unplaced, new TeamSizeSpec(4, 6), seed)));

        Assert.True(plans.Distinct().Count() > 1);
    }

    [Fact]
    public void Form_SmallTeamsFirst_FillsThemToTheMinimum()
    {
        var existing = new TeamPlan(new Dictionary<string, IReadOnlyList<string>>
        {
            ["a"] = ["a1", "a2"],
            ["b"] = ["b1", "b2", "b3"],
        });

        var plan = TeamFormer.Form(existing, ["x", "y", "z"], new TeamSizeSpec(4, 6), seed: 1);

        Assert.Equal(2, plan.Count);
        Assert.Equal(4, plan.Teams["a"].Count);
        Assert.Equal(4, plan.Teams["b"].Count);
    }

    private static bool LeftoverFits(TeamPlan existing, int unplaced, TeamSizeSpec size)
    {
        // Enough room to bring every team to its minimum, and the rest either forms teams or fits below the maximum.
        var deficit = existing.Teams.Values.Sum(t => Math.Max(0, size.Min - t.Count));
        var rest = unplaced - deficit;
        if (rest < 0)
        {
            return false;
        }

        var teams = existing.Count + (rest / size.Min);
        return rest % size.Min <= (teams * size.Max) - (existing.Members.Count() + deficit + (rest / size.Min * size.Min));
    }

    private static (TeamPlan Existing, IReadOnlyList<string> Unplaced, TeamSizeSpec Size) Generate(int seed)
    {
        var random = new Random(seed);
        var min = random.Next(1, 6);
        var size = new TeamSizeSpec(min, min + random.Next(0, 4));
        var students = Enumerable.Range(0, random.Next(0, 60)).Select(i => $"s{i:000}").ToList();
        var teams = new Dictionary<string, IReadOnlyList<string>>();
        var next = 0;
        while (next < students.Count && random.NextDouble() < 0.6)
        {
            var count = Math.Min(random.Next(1, size.Max + 1), students.Count - next);
            teams[$"t{teams.Count}"] = students.GetRange(next, count);
            next += count;
        }

        return (new TeamPlan(teams), students.Skip(next).ToList(), size);
    }

    private static string Describe(TeamPlan plan) =>
        string.Join(";", plan.Teams.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => $"{t.Key}={string.Join(",", t.Value.Order(StringComparer.Ordinal))}"));
}
