namespace Tijdig.Domain.Messaging;

public enum MessageChannel
{
    Sms,
    Email,
    Letter,
}

public enum MessageStatus
{
    Queued,
    Sent,
    Failed,
    Cancelled,
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
}
