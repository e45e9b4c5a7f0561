using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Tijdig.Tikkie;

namespace Tijdig.Payments;

/// <summary>
/// Creates the Tikkie behind a payment-request record exactly once. Tikkie has no idempotency
/// key and cannot delete a request, so a blind retry could leave two payable links. The attempt is
/// committed before the call; when a later run finds an attempt without a token, it first lists
/// the requests created since the attempt and adopts the one with the record's reference id.
/// Only when none exists is the request created again.
/// </summary>
public sealed class PaymentRequestCreator(
    TijdigDbContext db,
    TikkieClient tikkie,
    BusinessCalendar calendar,
    ILogger<PaymentRequestCreator> logger)
{
    private const int PageSize = 50;

    public async Task EnsureCreatedAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        if (record.Token is not null)
        {
            return;
        }

        if (record.CreationAttemptedAt is { } attemptedAt)
        {
            var found = await FindAtTikkieAsync(record.ReferenceId, attemptedAt.AddMinutes(-5), ct);
            if (found is not null)
            {
                logger.LogWarning("Adopted Tikkie payment request {ReferenceId} whose creation outcome was unknown", record.ReferenceId);
                Adopt(record, found);
                await db.SaveChangesAsync(ct);
                return;
            }
        }

        record.CreationAttemptedAt = calendar.Now;
        await db.SaveChangesAsync(ct);

        var created = await tikkie.CreatePaymentRequestAsync(
            new CreatePaymentRequest(record.Description, record.AmountCents, record.ReferenceId, record.ExpiryDate),
            ct);
        Adopt(record, created);
        await db.SaveChangesAsync(ct);
    }

    private static void Adopt(PaymentRequestRecord record, PaymentRequest request)
    {
        record.Token = request.PaymentRequestToken;
        record.Url = request.Url;
        record.State = PaymentRequestState.Open;
    }

    private async Task<PaymentRequest?> FindAtTikkieAsync(string referenceId, DateTimeOffset since, CancellationToken ct)
    {
        for (var page = 0; ; page++)
        {
            var result = await tikkie.ListPaymentRequestsAsync(page, PageSize, since, null, ct);
            var match = result.Items.FirstOrDefault(r => r.ReferenceId == referenceId);
            if (match is not null)
            {
                return match;
            }

            if ((page + 1) * PageSize >= result.TotalElementCount || result.Items.Count == 0)
            {
                return null;
            }
        }
    }
}
