using System.Globalization;
using Tijdig.Data;
using Tijdig.Domain.Arrangements;
using Tijdig.Domain.Messaging;

namespace Tijdig.Arrangements;

/// <summary>Queues the messages an arrangement sends: the confirmation and each instalment reminder.</summary>
internal static class ArrangementMessages
{
    /// <summary>
    /// Adds a queued message about <paramref name="arrangement"/>. The idempotency key is built from
    /// the debtor, step, channel and date plus <paramref name="keySuffix"/>, so a rerun adds nothing twice.
    /// </summary>
    public static void Queue(
        TijdigDbContext db,
        PaymentArrangement arrangement,
        string step,
        MessageChannel channel,
        DateOnly date,
        long amountCents,
        string keySuffix,
        long? paymentRequestId,
        string reason,
        DateTimeOffset now)
    {
        db.Outbox.Add(new OutboxMessage
        {
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{arrangement.DebtorId}:{step}:{channel}:{date:yyyy-MM-dd}{keySuffix}"),
            DebtorId = arrangement.DebtorId,
            Channel = channel,
            Step = step,
            BusinessDate = date,
            AmountCents = amountCents,
            InvoiceNumbers = arrangement.InvoiceNumbers,
            PaymentRequestId = paymentRequestId,
            Status = MessageStatus.Queued,
            CreatedAt = now,
            Reason = reason,
        });
    }
}
