namespace Course.Assignments.Teams;

/// <summary>Teams of one assignment by name, each a list of logins.</summary>
public sealed record TeamPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> Teams)
{
    public int Count => Teams.Count;

    public IEnumerable<string> Members => Teams.Values.SelectMany(m => m);
}
