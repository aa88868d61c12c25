using Course.Assignments.Courses;
using Course.Assignments.Model;
using Course.Core.Errors;
using Course.Credits.Issuing;
using Course.Credits.Ledger;
using Course.Credits.Lifecycle;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Students;

internal sealed class StudentCreditsView(CreditsDbContext db, ICourseProvider course, Recipients recipients, CodeLifecycle lifecycle,
    TimeProvider clock)
    : IStudentCredits
{
    private const int MaxReasonLength = 500;

    public async Task<StudentCredits> ShowAsync(string login, CancellationToken cancellation)
    {
        await recipients.StudentAsync(login, cancellation); // an unknown login is not "no codes yet"
        var codes = await db.Codes.AsNoTracking().Where(c => c.Login == login).ToListAsync(cancellation);
        var ids = codes.Select(c => c.Id).ToList();
        var emails = await db.Outbox.AsNoTracking()
            .Where(m => m.Kind == MessageKind.Code && m.State == OutboxState.Sent && m.CodeId != null && ids.Contains(m.CodeId))
            .Select(m => new { m.CodeId, m.SentAt, m.To })
            .ToListAsync(cancellation);
        var held = codes
            .OrderBy(c => c.IssuedAt).ThenBy(c => c.Id)
            .Select(c =>
            {
                var email = emails.Where(m => m.CodeId == c.Id).MinBy(m => m.SentAt);
                var replacement = codes.FirstOrDefault(r => r.Replaces == c.Id)?.Id;
                return new HeldCode(c.Id, c.Provider, c.Value, c.Status.ToString().ToLowerInvariant(), c.IssuedAt, email?.SentAt, email?.To,
                    c.ExpiresAt, c.RedeemedAt, replacement);
            })
            .ToList();
        var requestable = (course.Course.Credits?.Policies ?? [])
            .Where(p => p.Kind == CreditPolicyKind.OnRequest)
            .Select(p =>
            {
                var prefix = $"policy:{p.Name}:{login}:";
                return new RequestableCredit(p.Name, p.Provider, p.Value,
                    codes.Count(c => c.AssigneeKey != null && c.AssigneeKey.StartsWith(prefix, StringComparison.Ordinal)), p.Allowance,
                    PolicyOpening.Pending(p, course.Times, clock));
            })
            .ToList();
        return new StudentCredits(login, held, requestable);
    }

    public async Task ConfirmRedeemedAsync(string login, string codeId, CancellationToken cancellation)
    {
        await RequireHolderAsync(login, codeId, cancellation);
        await lifecycle.ConfirmRedeemedAsync(login, codeId, cancellation);
    }

    public async Task ReportProblemAsync(string login, string codeId, string reason, CancellationToken cancellation)
    {
        var text = reason.Trim();
        if (text.Length == 0)
        {
            throw new BadInputException("reason: say what happened when you tried to redeem the code");
        }

        if (text.Length > MaxReasonLength)
        {
            throw new BadInputException($"reason: {text.Length} characters, at most {MaxReasonLength}");
        }

        if (text.Any(char.IsControl))
        {
            // Staff read reasons in a terminal (credits status): no escape sequences, no forged lines.
            throw new BadInputException("reason: one line of text, without control characters");
        }

        await RequireHolderAsync(login, codeId, cancellation);
        await lifecycle.ReportProblemAsync(codeId, text, holder: login, cancellation);
    }

    /// <summary>A code that does not exist and another student's code get the same answer: ids reveal nothing.</summary>
    private async Task RequireHolderAsync(string login, string codeId, CancellationToken cancellation)
    {
        if (!await db.Codes.AnyAsync(c => c.Id == codeId && c.Login == login, cancellation))
        {
            throw CodeLifecycle.NotHeld(login, codeId);
        }
    }
}
