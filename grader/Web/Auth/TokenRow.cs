namespace Course.Grader.Web.Auth;

/// <summary>What <c>grader users tokens</c> shows of a token: never the token or its hash.</summary>
internal sealed record TokenRow(string Id, string Login, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt, string State);
