namespace Course.Grader.Web.Data;

/// <summary>
/// An API token of one login. Only the SHA-256 of the token is stored; <see cref="Id"/> names it in
/// listings and revocations without revealing anything about the token.
/// </summary>
internal sealed class ApiToken
{
    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public required string Hash { get; init; }

    /// <summary>12 random hex characters, unrelated to the token.</summary>
    public required string Id { get; init; }

    public required string Login { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>From this instant on the token signs nobody in.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>When a request last signed in with it, to the hour (<see cref="Auth.ActiveTokens"/>).</summary>
    public DateTimeOffset? LastUsedAt { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}
