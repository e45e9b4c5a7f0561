using System.Net;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Tijdig.Tikkie;
using TikkiePayment = Tijdig.Tikkie.Payment;

namespace Tijdig.Payments;

public enum NotificationOutcome
{
    Booked,
    Duplicate,
    Ignored,
}

/// <summary>
/// Books Tikkie payments, from notifications and from polling. A notification is only a hint:
/// the payment is fetched from the API before anything is booked, so a forged body changes
/// nothing, and the payment token is unique per booking, so a duplicate books nothing twice.
/// </summary>
public sealed class TikkiePaymentIntake(
    TijdigDbContext db,
    TikkieClient tikkie,
    PaymentBooking booking,
    BusinessCalendar calendar,
    ILogger<TikkiePaymentIntake> logger)
{
    public const string SubscriptionSettingKey = "tikkie.subscription-id";

    public async Task<NotificationOutcome> HandleNotificationAsync(string body, CancellationToken ct)
    {
        if (!TikkieNotification.TryParse(body, out var notification) || notification is null)
        {
            logger.LogInformation("Ignored a Tikkie notification that could not be parsed");
            return NotificationOutcome.Ignored;
        }

        var subscription = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SubscriptionSettingKey, ct);
        if (subscription?.Value is { } expected && expected != notification.SubscriptionId)
        {
            logger.LogWarning("Ignored a Tikkie notification for an unknown subscription");
            return NotificationOutcome.Ignored;
        }

        if (notification.NotificationType != TikkieNotificationType.Payment)
        {
            return NotificationOutcome.Ignored;
        }

        var key = "payment:" + notification.PaymentToken;
        if (await db.ProcessedNotifications.AnyAsync(n => n.Key == key, ct))
        {
            return NotificationOutcome.Duplicate;
        }

        var record = await db.PaymentRequests.FirstOrDefaultAsync(r => r.Token == notification.PaymentRequestToken, ct);
        if (record is null)
        {
            logger.LogWarning("Ignored a Tikkie notification for a payment request Tijdig did not create");
            return NotificationOutcome.Ignored;
        }

        TikkiePayment payment;
        try
        {
            payment = await tikkie.GetPaymentAsync(notification.PaymentRequestToken!, notification.PaymentToken!, ct);
        }
        catch (TikkieApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            logger.LogWarning("Ignored a Tikkie notification whose payment the API does not know");
            return NotificationOutcome.Ignored;
        }

        db.ProcessedNotifications.Add(new ProcessedNotification { Key = key, ReceivedAt = calendar.Now });
        var booked = await BookAsync(record, payment, ct);
        await db.SaveChangesAsync(ct);
        return booked ? NotificationOutcome.Booked : NotificationOutcome.Duplicate;
    }

    /// <summary>
    /// Checks open, unexpired payment requests for payments that no notification brought in,
    /// because Tikkie delivers notifications on a best-effort basis.
    /// </summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var today = calendar.Today;
        var open = await db.PaymentRequests
            .Where(r => r.State == PaymentRequestState.Open && r.Token != null && r.ExpiryDate >= today.AddDays(-1))
            .ToListAsync(ct);

        var booked = 0;
        foreach (var record in open)
        {
            var page = await tikkie.ListPaymentsAsync(record.Token!, 0, 50, includeRefunds: false, ct);
            foreach (var payment in page.Items)
            {
                if (await BookAsync(record, payment, ct))
                {
                    booked++;
                }
            }

            if (record.State == PaymentRequestState.Open && record.ExpiryDate < today)
            {
                record.State = PaymentRequestState.Expired;
            }

            await db.SaveChangesAsync(ct);
        }

        return booked;
    }

    private async Task<bool> BookAsync(PaymentRequestRecord record, TikkiePayment payment, CancellationToken ct)
    {
        var known = db.Payments.Local.Any(p => p.Source == PaymentSource.Tikkie && p.ExternalReference == payment.PaymentToken)
            || await db.Payments.AnyAsync(p => p.Source == PaymentSource.Tikkie && p.ExternalReference == payment.PaymentToken, ct);
        if (known)
        {
            return false;
        }

        // The invoices the request was made for come first; any rest goes to the debtor's other open invoices.
        var named = record.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var open = await db.Invoices
            .Where(i => i.DebtorId == record.DebtorId && i.OpenCents > 0)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.Id)
            .ToListAsync(ct);
        var ordered = open.Where(i => named.Contains(i.InvoiceNumber)).Concat(open.Where(i => !named.Contains(i.InvoiceNumber)));

        var paidOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(payment.CreatedDateTime, BusinessCalendar.Amsterdam).DateTime);
        booking.Book(PaymentSource.Tikkie, payment.PaymentToken, record.DebtorId, paidOn, payment.AmountInCents, ordered, payment.CounterPartyName);

        record.PaidCents += payment.AmountInCents;
        if (record.AmountCents is null || record.PaidCents >= record.AmountCents)
        {
            record.State = PaymentRequestState.Paid;
        }

        logger.LogInformation("Booked Tikkie payment on request {ReferenceId}", record.ReferenceId);
        return true;
    }
}
