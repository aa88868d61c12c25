using System.Text.Json.Serialization;

namespace Course.Credits.Issuing;

/// <summary>What one request for a code ended with.</summary>
[JsonConverter(typeof(OutcomeJsonConverter))]
public enum IssueOutcome
{
    /// <summary>A code was assigned and its e-mail queued.</summary>
    Issued,

    /// <summary>The student already holds the code for this reason; nothing new (issuing is idempotent).</summary>
    AlreadyIssued,

    /// <summary>No available, unexpired code of that provider and value is left: import more.</summary>
    NoneLeft,

    /// <summary>The student used the whole allowance of an on-request policy.</summary>
    AllowanceUsed,
}
