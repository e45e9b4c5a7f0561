using System.Globalization;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;

namespace Tijdig.Demo;

/// <summary>
/// Gives the demo's earlier, paid invoices a dunning history: most were paid on the due date, some
/// only after a reminder, a few only after the second reminder or the last chance. Without it the
/// what-if replay would estimate that no parent ever pays after a message.
/// </summary>
/// <remarks>
/// The history is drawn from its own seed, so the rest of the demo ledger stays as it was. The shares
/// are invented for the demo at a plausible size for a childcare organisation; they are not measured.
/// </remarks>
internal static class DemoHistory
{
    // The version of the default policy in appsettings.json; the replay reads only messages that carry one.
    private const string PolicyVersion = "2026-01";

    private static readonly (string Step, int DaysPastDue, double PaysAfter)[] Steps =
        [("reminder-1", 7, 0.60), ("reminder-2", 21, 0.70), ("last-chance", 35, 1.0)];

    /// <summary>
    /// Decides for each paid invoice the day it was paid, queues the messages that went out before
    /// that day as sent, and returns them. Invoices whose story would reach past today are left
    /// paid on the due date.
    /// </summary>
    public static List<OutboxMessage> Write(IReadOnlyList<Invoice> paidInvoices, DateOnly today)
    {
        var random = new Random(1204);
        var messages = new List<OutboxMessage>();
        foreach (var invoice in paidInvoices)
        {
            var manualPayer = invoice.Debtor!.PaymentMethod == PaymentMethod.Transfer;
            if (manualPayer)
            {
                messages.Add(Sent(invoice, "pre-reminder", MessageChannel.Sms, invoice.DueDate.AddDays(-3)));
            }

            // About one in eight parents pays late; manual payers a little more often.
            if (random.NextDouble() >= (manualPayer ? 0.2 : 0.12))
            {
                continue;
            }

            var story = new List<OutboxMessage>();
            DateOnly? paidOn = null;
            foreach (var (step, daysPastDue, paysAfter) in Steps)
            {
                var sentOn = invoice.DueDate.AddDays(daysPastDue);
                if (sentOn >= today)
                {
                    break;
                }

                story.Add(Sent(invoice, step, MessageChannel.Email, sentOn));
                story.Add(Sent(invoice, step, step == "last-chance" ? MessageChannel.Letter : MessageChannel.Sms, sentOn));
                if (random.NextDouble() < paysAfter)
                {
                    paidOn = sentOn.AddDays(random.Next(0, 6));
                    break;
                }
            }

            if (paidOn is not { } day || day >= today)
            {
                continue;
            }

            invoice.PaidOn = day;
            messages.AddRange(story);
        }

        return messages;
    }

    private static OutboxMessage Sent(Invoice invoice, string step, MessageChannel channel, DateOnly date)
    {
        var sentAt = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(1));
        return new OutboxMessage
        {
            IdempotencyKey = string.Create(CultureInfo.InvariantCulture, $"{invoice.DebtorId}:{step}:{channel}:{date:yyyy-MM-dd}"),
            DebtorId = invoice.DebtorId,
            Channel = channel,
            Step = step,
            BusinessDate = date,
            AmountCents = invoice.AmountCents,
            InvoiceNumbers = invoice.InvoiceNumber,
            Status = MessageStatus.Sent,
            Attempts = 1,
            CreatedAt = sentAt,
            SentAt = sentAt,
            PolicyVersion = PolicyVersion,
        };
    }
}
