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
/// Books Tikkie payments and refunds, from notifications and from polling. A notification is only
/// a hint: the payment or refund is fetched from the API before anything is booked, so a forged
/// body changes nothing. Payment and refund tokens are unique per booking, so a duplicate books
/// nothing twice.
/// </summary>
public sealed class TikkiePaymentIntake(
    TijdigDbContext db,
    TikkieClient tikkie,
    TikkieLedger ledger,
    BusinessCalendar calendar,
    ILogger<TikkiePaymentIntake> logger)
{
    public const string SubscriptionSettingKey = "tikkie.subscription-id";

    private const int PageSize = 50;

    public async Task<NotificationOutcome> HandleNotificationAsync(string body, CancellationToken ct)
    {
        if (!TikkieNotification.TryParse(body, out var notification) || notification is null)
        {
            // Unknown types land here too; they get a 2xx so that Tikkie does not retry them.
            logger.LogInformation("Ignored a Tikkie notification that could not be parsed or has an unknown type");
            return NotificationOutcome.Ignored;
        }

        var subscription = await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Key == SubscriptionSettingKey, ct);
        if (subscription?.Value is { } expected && expected != notification.SubscriptionId)
        {
            logger.LogWarning("Ignored a Tikkie notification for an unknown subscription");
            return NotificationOutcome.Ignored;
        }

        if (notification.NotificationType == TikkieNotificationType.Bundle)
        {
            return NotificationOutcome.Ignored;
        }

        var key = notification.NotificationType == TikkieNotificationType.Refund
            ? "refund:" + notification.RefundToken
            : "payment:" + notification.PaymentToken;
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

        var booked = notification.NotificationType == TikkieNotificationType.Refund
            ? await HandleRefundAsync(record, notification, ct)
            : await HandlePaymentAsync(record, notification, ct);
        if (booked is null)
        {
            return NotificationOutcome.Ignored;
        }

        db.ProcessedNotifications.Add(new ProcessedNotification { Key = key, ReceivedAt = calendar.Now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same notification was booked by a parallel delivery or by polling a moment ago:
            // the unique keys stopped the second booking.
            logger.LogInformation("Tikkie notification for request {ReferenceId} was booked concurrently", record.ReferenceId);
            return NotificationOutcome.Duplicate;
        }

        return booked.Value ? NotificationOutcome.Booked : NotificationOutcome.Duplicate;
    }

    /// <summary>
    /// Checks open, unexpired payment requests for payments that no notification brought in,
    /// because Tikkie delivers notifications on a best-effort basis. Returns the number of payments booked.
    /// </summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        var today = calendar.Today;

        // A request that expired yesterday is checked once more: it could be paid until the end of its expiry date.
        var open = await db.PaymentRequests
            .Where(r => r.State == PaymentRequestState.Open && r.Token != null && r.ExpiryDate >= today.AddDays(-1))
            .OrderBy(r => r.Id)
            .ToListAsync(ct);

        var booked = 0;
        foreach (var record in open)
        {
            // A failure on one request must not stop the others from being checked.
            try
            {
                booked += await PollOneAsync(record, ct);
            }
            catch (TikkieApiException exception)
            {
                logger.LogWarning(exception, "Polling Tikkie payment request {ReferenceId} failed; the others are still checked", record.ReferenceId);
                continue;
            }
            catch (DbUpdateException)
            {
                logger.LogInformation("Polling stopped early: payment request {ReferenceId} was booked by a notification meanwhile", record.ReferenceId);
                db.ChangeTracker.Clear();
                return booked;
            }

            if (record.ExpiryDate < today)
            {
                record.State = record.PaidCents > 0 ? PaymentRequestState.Paid : PaymentRequestState.Expired;
            }

            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A notification booked the same payment at the same moment; its unique key won.
                // The rest is checked at the next poll, on a fresh context.
                logger.LogInformation("Polling stopped early: payment request {ReferenceId} was booked by a notification meanwhile", record.ReferenceId);
                db.ChangeTracker.Clear();
                return booked;
            }
        }

        return booked;
    }

    private async Task<int> PollOneAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        // "Paid" comes from the payment count and total, not from the status field, which stays
        // OPEN on accounts that allow several payments per request.
        var request = await tikkie.GetPaymentRequestAsync(record.Token!, ct);
        var bookedCount = await db.Payments.CountAsync(p => p.PaymentRequestId == record.Id, ct);
        if ((request.NumberOfPayments ?? 0) <= bookedCount)
        {
            return 0;
        }

        var booked = 0;
        for (var page = 0; ; page++)
        {
            var result = await tikkie.ListPaymentsAsync(record.Token!, page, PageSize, includeRefunds: false, ct);
            foreach (var payment in result.Items)
            {
                if (await ledger.BookPaymentAsync(record, payment, ct))
                {
                    booked++;
                }
            }

            if (result.Items.Count == 0 || (page + 1) * PageSize >= result.TotalElementCount)
            {
                return booked;
            }
        }
    }

    private async Task<bool?> HandlePaymentAsync(PaymentRequestRecord record, TikkieNotification notification, CancellationToken ct)
    {
        TikkiePayment payment;
        try
        {
            payment = await tikkie.GetPaymentAsync(notification.PaymentRequestToken!, notification.PaymentToken!, ct);
        }
        catch (TikkieApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            logger.LogWarning("Ignored a Tikkie notification whose payment the API does not know");
            return null;
        }

        return await ledger.BookPaymentAsync(record, payment, ct);
    }

    private async Task<bool?> HandleRefundAsync(PaymentRequestRecord record, TikkieNotification notification, CancellationToken ct)
    {
        // The payment is fetched as well: a refund can arrive before the payment was booked.
        Refund refund;
        TikkiePayment payment;
        try
        {
            refund = await tikkie.GetRefundAsync(notification.PaymentRequestToken!, notification.PaymentToken!, notification.RefundToken!, ct);
            payment = await tikkie.GetPaymentAsync(notification.PaymentRequestToken!, notification.PaymentToken!, ct);
        }
        catch (TikkieApiException exception) when (exception.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            logger.LogWarning("Ignored a Tikkie refund notification whose refund the API does not know");
            return null;
        }

        await ledger.BookPaymentAsync(record, payment, ct);
        return await ledger.ApplyRefundAsync(record, payment.PaymentToken, refund, ct);
    }
}
