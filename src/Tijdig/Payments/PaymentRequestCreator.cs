using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Tijdig.Tikkie;

namespace Tijdig.Payments;

public enum PaymentRequestLink
{
    /// <summary>The record has a token and a payable link.</summary>
    Ready,

    /// <summary>The expiry date has passed: the link is not sent again, and a request not yet created is never created.</summary>
    Expired,
}

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
    /// <summary>
    /// Environment variable for the crash test only: when it is "1", the process kills itself right
    /// after Tikkie returned a create and before the token is committed. Unset in every real installation.
    /// </summary>
    public const string CrashAfterCreateVariable = "TIJDIG_TEST_CRASH_AFTER_TIKKIE_CREATE";

    private const int PageSize = 50;

    /// <summary>How far before the recorded attempt the search starts, for clock skew between Tijdig and Tikkie.</summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Settles, with one listing at Tikkie, every record whose create outcome was lost: a request
    /// Tikkie has is adopted, and for one it lacks the attempt is cleared, so the next
    /// <see cref="EnsureCreatedAsync"/> creates it without listing again. Tikkie cannot filter a list
    /// by reference id, so this replaces a listing per record. Call it at the start of a dispatch
    /// round, before that round creates anything. Attempts younger than a minute are left alone,
    /// because their call may still be on its way in another process.
    /// </summary>
    public async Task ReconcileUnknownOutcomesAsync(CancellationToken ct)
    {
        var settledBefore = calendar.Now.AddMinutes(-1);
        var unknown = await db.PaymentRequests
            .Where(r => r.Token == null && r.State == PaymentRequestState.Intent && r.CreationAttemptedAt != null)
            .ToListAsync(ct);
        unknown = unknown.Where(r => r.CreationAttemptedAt <= settledBefore).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var since = unknown.Min(r => r.CreationAttemptedAt!.Value) - ClockSkewMargin;
        var atTikkie = new Dictionary<string, PaymentRequest>(StringComparer.Ordinal);
        for (var page = 0; ; page++)
        {
            var result = await tikkie.ListPaymentRequestsAsync(page, PageSize, since, null, ct);
            foreach (var request in result.Items.Where(r => r.ReferenceId is not null))
            {
                atTikkie.TryAdd(request.ReferenceId!, request);
            }

            if (result.Items.Count == 0 || (page + 1) * PageSize >= result.TotalElementCount)
            {
                break;
            }
        }

        foreach (var record in unknown)
        {
            if (atTikkie.TryGetValue(record.ReferenceId, out var found))
            {
                Adopt(record, found);
                logger.LogWarning("Adopted Tikkie payment request {ReferenceId} whose creation outcome was unknown", record.ReferenceId);
            }
            else
            {
                record.CreationAttemptedAt = null;
            }
        }

        await db.SaveChangesAsync(ct);
    }

    public async Task<PaymentRequestLink> EnsureCreatedAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        // An expired link is never sent again; the next dunning step makes a new request.
        if (record.ExpiryDate < calendar.Today || record.State == PaymentRequestState.Expired)
        {
            return PaymentRequestLink.Expired;
        }

        if (record.Token is not null)
        {
            return PaymentRequestLink.Ready;
        }

        if (record.CreationAttemptedAt is { } attemptedAt)
        {
            var found = await FindAtTikkieAsync(record.ReferenceId, attemptedAt - ClockSkewMargin, ct);
            if (found is not null)
            {
                logger.LogWarning("Adopted Tikkie payment request {ReferenceId} whose creation outcome was unknown", record.ReferenceId);
                Adopt(record, found);
                await db.SaveChangesAsync(ct);
                return PaymentRequestLink.Ready;
            }
        }

        record.CreationAttemptedAt = calendar.Now;
        var t = Outbox.OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        Outbox.OutboxMetrics.Record("intent-commit", t);

        t = Outbox.OutboxMetrics.Start();
        var created = await tikkie.CreatePaymentRequestAsync(
            new CreatePaymentRequest(record.Description, record.AmountCents, record.ReferenceId, record.ExpiryDate),
            ct);
        Outbox.OutboxMetrics.Record("create", t);
        CrashIfTestAsks();

        Adopt(record, created);
        t = Outbox.OutboxMetrics.Start();
        await db.SaveChangesAsync(ct);
        Outbox.OutboxMetrics.Record("result-commit", t);
        return PaymentRequestLink.Ready;
    }

    private static void CrashIfTestAsks()
    {
        if (Environment.GetEnvironmentVariable(CrashAfterCreateVariable) == "1")
        {
            // SIGKILL: no finally block, no SaveChanges and no shutdown hook runs, as after a power cut.
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
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

            if (result.Items.Count == 0 || (page + 1) * PageSize >= result.TotalElementCount)
            {
                return null;
            }
        }
    }
}
