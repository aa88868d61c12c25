using System.Globalization;
using Course.Assignments.Courses;
using Course.Assignments.Roster;
using Course.Core.Errors;
using Course.Credits.Csv;
using Course.Credits.Issuing;
using Course.Credits.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Course.Credits.Spend;

/// <summary>
/// Imports a per-account billing CSV (a subset of the AWS Cost and Usage export: the account's e-mail,
/// <c>lineItem/UsageStartDate</c>, <c>lineItem/UnblendedCost</c>; plain names are accepted too),
/// totals each student's spend, and queues one reminder per student per threshold of
/// <c>credits.budgetPerStudent × credits.reminderThresholds</c>. The file is the whole report to date:
/// a new import replaces the totals.
/// </summary>
internal sealed class SpendImporter(CreditsDbContext db, Recipients recipients, ICourseProvider course, TimeProvider clock)
{
    private static readonly StaffCsv.Column[] Columns =
    [
        new("email", true, "account_email", "lineItem/UsageAccountEmail", "LinkedAccountEmail", "email"),
        new("account", false, "lineItem/UsageAccountId", "LinkedAccountId", "account_id"),
        new("date", true, "lineItem/UsageStartDate", "UsageDate", "usage_date"),
        new("cost", true, "lineItem/UnblendedCost", "UnblendedCost", "unblended_cost", "cost"),
    ];

    public async Task<SpendReport> ImportAsync(string file, string? actor, CancellationToken cancellation)
    {
        var credits = course.Course.Credits ?? throw new BadInputException("course.json has no credits section (budgetPerStudent)");
        if (credits.BudgetPerStudent <= 0)
        {
            throw new BadInputException("credits.budgetPerStudent is 0: there is no budget to compare spend with");
        }

        var rows = StaffCsv.Read(file, Columns);
        var problems = new List<string>();
        var totals = new Dictionary<string, (double Cost, DateOnly Last)>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var where = $"{file}:{row.Line}";
            var email = row["email"] ?? "";
            if (!email.Contains('@', StringComparison.Ordinal))
            {
                problems.Add($"{where}: account e-mail '{email}' is not an e-mail address");
            }
            else if (!double.TryParse(row["cost"], NumberStyles.Float, CultureInfo.InvariantCulture, out var cost) || !double.IsFinite(cost))
            {
                problems.Add($"{where}: unblended cost '{row["cost"]}' is not a number");
            }
            else if (!DateTimeOffset.TryParse(row["date"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                problems.Add($"{where}: usage date '{row["date"]}' is not a date");
            }
            else
            {
                var day = DateOnly.FromDateTime(date.UtcDateTime);
                var sum = totals.GetValueOrDefault(email);
                totals[email] = (sum.Cost + cost, day > sum.Last ? day : sum.Last);
            }
        }

        if (problems.Count > 0)
        {
            throw new BadInputException([.. problems, $"{file}: nothing imported"]);
        }

        var students = (await recipients.StudentsAsync(cancellation)).ToDictionary(s => s.Email, StringComparer.OrdinalIgnoreCase);
        var warnings = totals.Keys.Where(e => !students.ContainsKey(e)).Order()
            .Select(e => $"{file}: account {e} is not a student's e-mail; its spend is ignored").ToList();
        var now = clock.GetUtcNow();
        var reminders = 0;
        foreach (var (email, (cost, last)) in totals.Where(t => students.ContainsKey(t.Key)))
        {
            var student = students[email];
            var record = await db.Spend.FindAsync([student.Login], cancellation);
            if (record is null)
            {
                record = new SpendRecord { Login = student.Login };
                db.Spend.Add(record);
            }

            record.Total = cost;
            record.LastUsageDay = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            record.ImportedAt = now;
            reminders += await QueueRemindersAsync(student, cost, credits.BudgetPerStudent, credits.ReminderThresholds, now, cancellation);
        }

        Audit.Record(db, now, "spend-import", detail: $"{Path.GetFileName(file)}: {rows.Count} rows, {totals.Count} accounts, {reminders} reminder(s)", actor: actor);
        await db.SaveChangesAsync(cancellation);
        return new SpendReport(totals.Count - warnings.Count, totals.Values.Sum(t => t.Cost), reminders, warnings);
    }

    private async Task<int> QueueRemindersAsync(RosterStudent student, double spend, double budget, IReadOnlyList<double> thresholds,
        DateTimeOffset now, CancellationToken cancellation)
    {
        var passed = new List<(double Threshold, string Key)>();
        foreach (var threshold in thresholds.Where(t => spend >= t * budget))
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"spend:{student.Login}:{threshold}");
            if (!await db.Outbox.AnyAsync(m => m.Key == key, cancellation))
            {
                passed.Add((threshold, key));
            }
        }

        var queued = 0;
        foreach (var (threshold, key) in passed)
        {
            // One e-mail for the highest mark passed since the last import; the lower marks are recorded as done.
            var highest = threshold == passed[^1].Threshold;
            db.Outbox.Add(new OutboxMessage
            {
                Id = Ids.New(),
                Key = key,
                Kind = MessageKind.SpendReminder,
                Login = student.Login,
                To = student.Email,
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"{spend:0.00} of your budget of {budget:0.00} ({spend / budget:P0}; you passed the {threshold:P0} mark)"),
                CreatedAt = now,
                NextAttemptAt = now,
                State = highest ? OutboxState.Pending : OutboxState.Cancelled,
                LastError = highest ? null : "superseded by the reminder for a higher mark",
            });
            queued += highest ? 1 : 0;
        }

        return queued;
    }
}
