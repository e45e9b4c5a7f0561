namespace Tijdig.Domain.Tikkie;

/// <summary>Why a Tikkie payment request was created; each purpose has its own expiry.</summary>
public enum PaymentRequestPurpose
{
    PreReminder,
    FailedDirectDebit,
    Arrears,
    Instalment,
    BalanceRequest,
}

public enum PaymentRequestState
{
    /// <summary>Stored before the API call; the outcome of the call may be unknown after a crash.</summary>
    Intent,

    /// <summary>
    /// The create call came back with an error response: no call is in flight, but whether Tikkie
    /// stored the request is unknown until a listing settles it, whatever the attempt's age.
    /// </summary>
    IntentCallReturned,
    Open,
    Paid,
    Expired,
}

/// <summary>
/// Tijdig's record of one Tikkie payment request. The record is written as an intent with a
/// unique <see cref="ReferenceId"/> before the API call, so that a crash between call and commit
/// can be reconciled by listing the requests at Tikkie instead of creating a second link.
/// </summary>
public sealed class PaymentRequestRecord
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    public PaymentRequestPurpose Purpose { get; set; }

    public required string ReferenceId { get; set; }

    public required string Description { get; set; }

    /// <summary>Null for an open request, where the parent fills in the amount.</summary>
    public long? AmountCents { get; set; }

    /// <summary>Comma-separated invoice numbers this request settles.</summary>
    public string InvoiceNumbers { get; set; } = "";

    public DateOnly ExpiryDate { get; set; }

    public string? Token { get; set; }

    public string? Url { get; set; }

    public PaymentRequestState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set and committed just before the create call; a record with this set and no token has an unknown outcome.</summary>
    public DateTimeOffset? CreationAttemptedAt { get; set; }

    public long PaidCents { get; set; }
}
