using Course.Assignments.Courses;
using Course.Core.Errors;
using Course.Credits.Issuing;
using Course.Credits.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Lifecycle;

/// <summary>Problem reports, replacements and students' redemption confirmations, each audited.</summary>
internal sealed class CodeLifecycle(CreditsDbContext db, CodeIssuer issuer, Recipients recipients, ICourseProvider course, TimeProvider clock)
{
    /// <param name="holder">The student reporting it, who must hold the code; null when staff record a report.</param>
    public async Task ReportProblemAsync(string codeId, string reason, string? holder, CancellationToken cancellation)
    {
        var code = await FindAsync(codeId, cancellation);
        if (holder is not null && code.Login != holder)
        {
            throw NotHeld(holder, codeId);
        }

        if (code.Status is not (CodeStatus.Issued or CodeStatus.Sent or CodeStatus.Redeemed))
        {
            throw new BadInputException($"code {codeId} is {code.Status}: only a code a student holds can have a problem");
        }

        code.Status = CodeStatus.Problem;
        code.Note = reason;
        Audit.Record(db, clock.GetUtcNow(), "problem", code.Id, code.Login, reason, actor: holder);
        if (holder is not null)
        {
            NotifyStaff(code, holder, reason);
        }

        await db.SaveChangesAsync(cancellation);
    }

    /// <summary>A student's report reaches every staff member with an e-mail address, so nobody has to watch <c>credits status</c>.</summary>
    private void NotifyStaff(CreditCode code, string student, string reason)
    {
        var now = clock.GetUtcNow();
        foreach (var staff in course.Course.Staff.Where(s => !string.IsNullOrWhiteSpace(s.Email)))
        {
            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                Key = $"problem:{code.Id}:{staff.Login}",
                Kind = MessageKind.ProblemReport,
                Login = staff.Login,
                To = staff.Email!,
                CodeId = code.Id,
                Detail = $"{student}: {reason}",
                CreatedAt = now,
                NextAttemptAt = now,
            });
        }
    }

    /// <summary>
    /// Voids the code and issues its holder a new one of the same provider and value, in one transaction; <paramref name="actor"/>
    /// null: this process's user.
    /// </summary>
    public async Task<IssueResult> ReplaceAsync(string codeId, string reason, string? actor, CancellationToken cancellation)
    {
        var old = await FindAsync(codeId, cancellation);
        if (old.Login is null || old.Status is CodeStatus.Replaced or CodeStatus.Available)
        {
            throw new BadInputException($"code {codeId} is {old.Status}{(old.Login is null ? " and held by nobody" : "")}: nothing to replace");
        }

        var student = await recipients.StudentAsync(old.Login, cancellation);
        var result = await issuer.IssueAsync(new IssueRequest(student.Login, student.Email, old.Provider, old.Value,
            $"replace:{old.Id}", 1, Replaces: old.Id, WithinTransaction: async newId =>
            {
                var voided = await db.Codes.SingleAsync(c => c.Id == old.Id, cancellation);
                voided.Status = CodeStatus.Replaced;
                voided.Note = $"replaced by {newId}: {reason}";
                Audit.Record(db, clock.GetUtcNow(), "replace", voided.Id, voided.Login, $"void, replaced by {newId}: {reason}", actor);
            }, Actor: actor), cancellation);
        return result.Outcome == IssueOutcome.NoneLeft
            ? throw new WorkFailedException($"code {codeId} not replaced: no available {old.Provider} code of value {old.Value} left; import more")
            : result;
    }

    /// <summary>A student says the code worked; only its holder can confirm.</summary>
    public async Task ConfirmRedeemedAsync(string login, string codeId, CancellationToken cancellation)
    {
        var code = await FindAsync(codeId, cancellation);
        if (code.Login != login)
        {
            throw NotHeld(login, codeId);
        }

        if (code.Status is CodeStatus.Replaced or CodeStatus.Expired)
        {
            throw new BadInputException($"code {codeId} is {code.Status}");
        }

        code.Status = CodeStatus.Redeemed;
        code.RedeemedAt = clock.GetUtcNow();
        Audit.Record(db, clock.GetUtcNow(), "redeemed", code.Id, login, "confirmed by the student", actor: login);
        await db.SaveChangesAsync(cancellation);
    }

    internal static NotFoundException NotHeld(string login, string codeId) => new($"student '{login}' holds no code {codeId}");

    private async Task<CreditCode> FindAsync(string codeId, CancellationToken cancellation) =>
        await db.Codes.SingleOrDefaultAsync(c => c.Id == codeId, cancellation)
        ?? throw new NotFoundException($"code id '{codeId}' is not in the ledger (ids are shown by 'grader credits status')");
}
