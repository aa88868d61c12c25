namespace Course.Credits.Ledger;

/// <summary>Adds audit entries to the same unit of work as the change they describe.</summary>
internal static class Audit
{
    /// <summary>Who runs this process; the web front end will pass its signed-in user instead.</summary>
    public static string CurrentActor => Environment.UserName;

    public static void Record(CreditsDbContext db, DateTimeOffset at, string action, string? codeId = null,
        string? login = null, string? detail = null, string? actor = null) =>
        db.Audit.Add(new AuditEntry
        {
            Id = Ids.New(),
            At = at,
            Actor = actor ?? CurrentActor,
            Action = action,
            CodeId = codeId,
            Login = login,
            Detail = detail,
        });
}
