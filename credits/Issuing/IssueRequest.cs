namespace Course.Credits.Issuing;

/// <summary>
/// A request for one code. Its key is <c>{KeyPrefix}:{n}</c>, where n counts the codes already issued
/// under the prefix; <see cref="Limit"/> caps n (1 makes the request idempotent, null is unlimited).
/// <see cref="WithinTransaction"/> runs with the new code's id before the commit (a replacement voids the old code there).
/// <see cref="Actor"/> is who issues it (the signed-in user of a front end), null for the user running this process.
/// </summary>
internal sealed record IssueRequest(string Login, string Email, string Provider, double Value, string KeyPrefix, int? Limit,
    string? Replaces = null, Func<string, Task>? WithinTransaction = null, string? Actor = null);
