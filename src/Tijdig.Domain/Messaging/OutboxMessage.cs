namespace Tijdig.Domain.Messaging;

public enum MessageChannel
{
    Sms,
    Email,
    Letter,
}

/// <summary>
/// The life of an outbox message: Queued → Sending → Sent or Failed → Delivered or Undeliverable
/// (from the provider's delivery report). Cancelled when its reason went before it was sent.
/// </summary>
public enum MessageStatus
{
    Queued,

    /// <summary>Handed to the provider, outcome not yet stored. After a crash the dispatcher reconciles it instead of resending.</summary>
    Sending,
    Sent,
    Failed,
    Cancelled,
    Delivered,
    Undeliverable,
}

/// <summary>
/// A message to a debtor, written in the same transaction as the dunning decision behind it.
/// <see cref="IdempotencyKey"/> (debtor, step, channel, business date) is unique, so a second
/// cycle run for the same date cannot queue it again.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public required string IdempotencyKey { get; set; }

    public long DebtorId { get; set; }

    public MessageChannel Channel { get; set; }

    /// <summary>Template step key, such as "reminder-1" or "failed-direct-debit".</summary>
    public required string Step { get; set; }

    public DateOnly BusinessDate { get; set; }

    public long AmountCents { get; set; }

    /// <summary>Comma-separated invoice numbers the message is about.</summary>
    public string InvoiceNumbers { get; set; } = "";

    public long? PaymentRequestId { get; set; }

    public string? PaymentLink { get; set; }

    public string? Subject { get; set; }

    public string? Body { get; set; }

    public MessageStatus Status { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Why the engine sent it, in words the credit team can show a parent.</summary>
    public string? Reason { get; set; }

    /// <summary>The provider's id of this message: the CM reference of an SMS or the Message-ID of an e-mail.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>The earliest moment of the next attempt: after a transient failure, or the end of quiet hours.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    /// <summary>When the message was handed to the provider; a row left in Sending is reconciled from this moment.</summary>
    public DateTimeOffset? SendingStartedAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The message this one replaces on another channel, for example an e-mail after an SMS without a mobile number.</summary>
    public long? FallbackForMessageId { get; set; }

    /// <summary>The date the subject and body were blanked after the retention period.</summary>
    public DateOnly? BodyErasedOn { get; set; }

    /// <summary>
    /// For the 14-day letter and the termination notice: the collection costs the engine quoted, VAT
    /// included. The message states exactly this amount; null for messages that state no costs.
    /// </summary>
    public long? CollectionCostsCents { get; set; }

    /// <summary>The VAT part of <see cref="CollectionCostsCents"/>; 0 when the creditor charges no VAT.</summary>
    public long? CollectionCostsVatCents { get; set; }

    /// <summary>
    /// For the 14-day letter: the last day of the term, counted by the engine from the business date.
    /// For the termination notice: the term of the earlier letter, which has run.
    /// </summary>
    public DateOnly? StatutoryTermEnd { get; set; }

    /// <summary>Statutory interest up to the business date that the engine computed with the costs; null when it computed none.</summary>
    public long? InterestCents { get; set; }

    /// <summary>The dunning policy version that decided this message; null for messages outside the dunning cycle.</summary>
    public string? PolicyVersion { get; set; }

    /// <summary>The client reference providers and outbox files know this message by.</summary>
    public string ClientReference => ClientReferenceFor(Id);

    public static string ClientReferenceFor(long id) => "tijdig-" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
