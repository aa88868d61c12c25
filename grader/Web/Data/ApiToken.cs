namespace Course.Grader.Web.Data;

/// <summary>An API token of one login. Only the SHA-256 of the token is stored.</summary>
internal sealed class ApiToken
{
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; init; }

    public required string Login { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
