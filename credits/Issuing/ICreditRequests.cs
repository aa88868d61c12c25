namespace Course.Credits.Issuing;

/// <summary>A student asking for a code of an on-request policy (the web front end calls this).</summary>
public interface ICreditRequests
{
    /// <summary>Issues the next code of <paramref name="policy"/> within its allowance, or says why not.</summary>
    Task<IssueResult> RequestAsync(string login, string policy, CancellationToken cancellation);
}
