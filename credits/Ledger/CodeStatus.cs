namespace Course.Credits.Ledger;

/// <summary>Where a voucher code is in its life; stored as text.</summary>
public enum CodeStatus
{
    /// <summary>Imported, not given to anyone.</summary>
    Available,

    /// <summary>Given to a student; the e-mail is in the outbox.</summary>
    Issued,

    /// <summary>The e-mail with the code was accepted by the SMTP server (or written as .eml).</summary>
    Sent,

    /// <summary>The student confirmed it, or the provider's redemption report lists it.</summary>
    Redeemed,

    /// <summary>The student reported that it does not redeem; staff decide (replace it).</summary>
    Problem,

    /// <summary>Voided and replaced by another code.</summary>
    Replaced,

    /// <summary>Past its expiry date before it was redeemed.</summary>
    Expired,
}
