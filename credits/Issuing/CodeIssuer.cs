using System.Data;
using System.Data.Common;
using Course.Credits.Ledger;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Course.Credits.Issuing;

/// <summary>
/// Assigns one available code to a student, atomically across threads and processes: the key check,
/// the claim (a conditional UPDATE of a row still 'Available'), the outbox row and the audit entry are
/// one transaction. On SQLite it is <c>BEGIN IMMEDIATE</c>, so writers are serialized by the database
/// lock; on PostgreSQL the candidate row is locked with <c>FOR UPDATE SKIP LOCKED</c>, and the unique
/// index on the assignee key turns a lost race for the same reason into "already issued".
/// </summary>
internal sealed class CodeIssuer(CreditsDbContext db, TimeProvider clock)
{
    private const string Claim = """
        UPDATE {1} SET "Status" = 'Issued', "Login" = @login, "AssigneeKey" = @key, "IssuedAt" = @now, "Replaces" = @replaces
        WHERE "Id" = (SELECT "Id" FROM {1}
                      WHERE "Status" = 'Available' AND "Provider" = @provider AND "Value" = @value
                        AND ("ExpiresAt" IS NULL OR "ExpiresAt" > @now)
                      ORDER BY "ExpiresAt" IS NULL, "ExpiresAt", "ImportedAt", "Id"
                      LIMIT 1 {0})
          AND "Status" = 'Available'
        RETURNING "Id"
        """;

    public async Task<IssueResult> IssueAsync(IssueRequest request, CancellationToken cancellation)
    {
        try
        {
            return await TryIssueAsync(request, cancellation);
        }
        catch (DbException error) when (IsUniqueViolation(error))
        {
            // PostgreSQL only (SQLite writers are serialized): a concurrent request for the same reason won.
            return await ExistingAsync(request, cancellation) ?? throw new InvalidOperationException(
                $"unique violation for {request.KeyPrefix} without an existing code", error);
        }
        catch (DbUpdateException error) when (error.InnerException is DbException inner && IsUniqueViolation(inner))
        {
            return await ExistingAsync(request, cancellation) ?? throw new InvalidOperationException(
                $"unique violation for {request.KeyPrefix} without an existing code", error);
        }
    }

    private async Task<IssueResult> TryIssueAsync(IssueRequest request, CancellationToken cancellation)
    {
        db.ChangeTracker.Clear();
        await db.Database.OpenConnectionAsync(cancellation);
        try
        {
            await using var transaction = await BeginAsync(cancellation);
            var prefix = request.KeyPrefix + ":";
            var held = await db.Codes.AsNoTracking()
                .Where(c => c.AssigneeKey != null && c.AssigneeKey.StartsWith(prefix))
                .Select(c => c.Id)
                .ToListAsync(cancellation);
            if (request.Limit is { } limit && held.Count >= limit)
            {
                return limit == 1
                    ? Result(request, IssueOutcome.AlreadyIssued, held[0], prefix + "1")
                    : Result(request, IssueOutcome.AllowanceUsed, null, $"{request.KeyPrefix}: {held.Count} of {limit}");
            }

            var key = prefix + (held.Count + 1);
            var now = clock.GetUtcNow();
            var codeId = await ClaimAsync(request, key, now, transaction.GetDbTransaction(), cancellation);
            if (codeId is null)
            {
                return Result(request, IssueOutcome.NoneLeft, null, key);
            }

            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                Key = $"code:{codeId}",
                Kind = MessageKind.Code,
                Login = request.Login,
                To = request.Email,
                CodeId = codeId,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            Audit.Record(db, now, "issue", codeId, request.Login, key, request.Actor);
            if (request.WithinTransaction is { } also)
            {
                await also(codeId);
            }

            await db.SaveChangesAsync(cancellation);
            await transaction.CommitAsync(cancellation);
            return Result(request, IssueOutcome.Issued, codeId, key);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IDbContextTransaction> BeginAsync(CancellationToken cancellation)
    {
        if (db.Database.GetDbConnection() is SqliteConnection sqlite)
        {
            // deferred: false is BEGIN IMMEDIATE: the write lock is taken now, before the key check,
            // so no other process can claim between our read and our write.
            var immediate = sqlite.BeginTransaction(deferred: false);
            return (await db.Database.UseTransactionAsync(immediate, cancellation))!;
        }

        return await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellation);
    }

    private async Task<string?> ClaimAsync(IssueRequest request, string key, DateTimeOffset now, DbTransaction transaction,
        CancellationToken cancellation)
    {
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, Claim,
            connection is SqliteConnection ? "" : "FOR UPDATE SKIP LOCKED",
            db.Model.FindEntityType(typeof(CreditCode))!.GetTableName());
        Add(command, "@login", request.Login);
        Add(command, "@key", key);
        Add(command, "@now", now.ToUnixTimeMilliseconds());
        Add(command, "@replaces", (object?)request.Replaces ?? DBNull.Value);
        Add(command, "@provider", request.Provider);
        Add(command, "@value", request.Value);
        return await command.ExecuteScalarAsync(cancellation) as string;
    }

    private async Task<IssueResult?> ExistingAsync(IssueRequest request, CancellationToken cancellation)
    {
        db.ChangeTracker.Clear();
        var key = request.KeyPrefix + ":1";
        var existing = await db.Codes.AsNoTracking().Where(c => c.AssigneeKey == key).Select(c => c.Id).FirstOrDefaultAsync(cancellation);
        return existing is null ? null : Result(request, IssueOutcome.AlreadyIssued, existing, key);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static bool IsUniqueViolation(DbException error) =>
        error is SqliteException { SqliteErrorCode: 19 } || error.SqlState == "23505";

    private static IssueResult Result(IssueRequest request, IssueOutcome outcome, string? codeId, string reason) =>
        new(request.Login, outcome, request.Provider, request.Value, codeId, reason);
}
