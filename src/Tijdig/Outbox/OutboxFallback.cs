using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;

namespace Tijdig.Outbox;

/// <summary>Queues an e-mail in place of an SMS that cannot reach the parent, where the settings allow it.</summary>
public static class OutboxFallback
{
    /// <summary>Returns the queued e-mail, or null when there is no e-mail address, fallback is off or it exists.</summary>
    public static async Task<OutboxMessage?> QueueEmailAsync(TijdigDbContext db, OutboxSettings settings, OutboxMessage sms, Debtor debtor, DateTimeOffset now, CancellationToken ct)
    {
        if (!settings.FallbackSmsToEmail || sms.Channel != MessageChannel.Sms || string.IsNullOrEmpty(debtor.Email))
        {
            return null;
        }

        var key = sms.IdempotencyKey + ":fallback-email";
        if (await db.Outbox.AnyAsync(m => m.IdempotencyKey == key, ct))
        {
            return null;
        }

        var email = new OutboxMessage
        {
            IdempotencyKey = key,
            DebtorId = sms.DebtorId,
            Channel = MessageChannel.Email,
            Step = sms.Step,
            BusinessDate = sms.BusinessDate,
            AmountCents = sms.AmountCents,
            InvoiceNumbers = sms.InvoiceNumbers,
            PaymentRequestId = sms.PaymentRequestId,
            PaymentLink = sms.PaymentLink,
            Status = MessageStatus.Queued,
            CreatedAt = now,
            Reason = sms.Reason,
            FallbackForMessageId = sms.Id,
            CollectionCostsCents = sms.CollectionCostsCents,
            CollectionCostsVatCents = sms.CollectionCostsVatCents,
            StatutoryTermEnd = sms.StatutoryTermEnd,
            InterestCents = sms.InterestCents,
            PolicyVersion = sms.PolicyVersion,
        };
        db.Outbox.Add(email);
        return email;
    }
}
