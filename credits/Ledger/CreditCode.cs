namespace Course.Credits.Ledger;

/// <summary>
/// One voucher code. The code itself is only stored encrypted (<see cref="Secret"/>, AES-GCM) and
/// as a keyed hash (<see cref="Fingerprint"/>, HMAC-SHA256) for duplicate detection and report matching.
/// </summary>
internal sealed class CreditCode
{
    /// <summary>Short application-made id that staff and students quote ("code a1b2c3d4e5f6").</summary>
    public required string Id { get; init; }

    public required string Provider { get; init; }

    public required double Value { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>base64(nonce | ciphertext | tag); the code id is the associated data.</summary>
    public required string Secret { get; init; }

    /// <summary>base64 HMAC-SHA256 of the normalized code; unique.</summary>
    public required string Fingerprint { get; init; }

    public required string Batch { get; init; }

    public required DateTimeOffset ImportedAt { get; init; }

    public CodeStatus Status { get; set; } = CodeStatus.Available;

    /// <summary>The student who holds the code.</summary>
    public string? Login { get; set; }

    /// <summary>Why the code was given, e.g. <c>policy:welcome:alice:1</c>; unique, so issuing is idempotent.</summary>
    public string? AssigneeKey { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public DateTimeOffset? RedeemedAt { get; set; }

    /// <summary>Problem report, void reason or replacement link, for staff.</summary>
    public string? Note { get; set; }

    /// <summary>For a replacement: the code it replaces.</summary>
    public string? Replaces { get; set; }
}
