using Course.Assignments.Model;

namespace Course.Credits.Issuing;

/// <summary>A policy's <c>from</c> date (course time zone): before it the policy issues nothing, on request or otherwise.</summary>
internal static class PolicyOpening
{
    /// <summary>When <paramref name="policy"/> opens, or null when it has no <c>from</c> or that moment has passed.</summary>
    public static DateTimeOffset? Pending(CreditPolicySpec policy, CourseTimes times, TimeProvider clock) =>
        policy.From is { } from && times.Read(from) is var opens && opens > clock.GetUtcNow() ? opens : null;
}
