namespace Course.Assignments.Model;

/// <summary>Where students' repositories live.</summary>
public sealed record GitHubSettings
{
    public string Organization { get; init; } = "";

    /// <summary>Repository name of one student's or team's work; "{assignment}" and "{login}" are replaced.</summary>
    public string RepositoryPattern { get; init; } = "{assignment}-{login}";

    public string RepositoryName(string assignment, string login) =>
        RepositoryPattern.Replace("{assignment}", assignment, StringComparison.Ordinal)
            .Replace("{login}", login, StringComparison.Ordinal);
}
