namespace Course.Grader.Intake;

/// <summary>A repository on a <see cref="IRepositoryHost"/>.</summary>
internal sealed record HostedRepository(string Owner, string Name, string DefaultBranch)
{
    public string FullName => $"{Owner}/{Name}";

    /// <summary>Parses "owner/name".</summary>
    public static HostedRepository Parse(string fullName, string defaultBranch)
    {
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == fullName.Length - 1
            ? throw new FormatException($"'{fullName}' is not owner/name")
            : new(fullName[..slash], fullName[(slash + 1)..], defaultBranch);
    }
}
