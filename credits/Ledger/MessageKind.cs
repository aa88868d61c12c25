namespace Course.Credits.Ledger;

internal enum MessageKind
{
    /// <summary>A newly issued (or replacement) code with redeem instructions.</summary>
    Code,

    /// <summary>The student's unredeemed code expires soon.</summary>
    ExpiryWarning,

    /// <summary>The student's cloud spend passed a fraction of the budget.</summary>
    SpendReminder,

    /// <summary>To staff: a student reported that their code does not redeem (never the code itself).</summary>
    ProblemReport,

    /// <summary>A plain notice another module queued through <see cref="Outbox.ICourseMail"/> (subject and body as given).</summary>
    Notice,
}
