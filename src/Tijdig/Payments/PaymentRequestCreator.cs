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
    /// after Tikkie answered a create and before the token is committed. Unset in every real installation.
    /// </summary>
    public const string CrashAfterCreateVariable = "TIJDIG_TEST_CRASH_AFTER_TIKKIE_CREATE";

    private const int PageSize = 50;

    /// <summary>How far before the recorded attempt the search starts, for clock skew between Tijdig and Tikkie.</summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    // Requests listed at Tikkie in this unit of work, by reference id. Tikkie cannot filter a list
    // by reference id, so one listing serves every record whose outcome was unknown, instead of
    // paging through the same window again for each of them.
    private readonly Dictionary<string, PaymentRequest> _listed = new(StringComparer.Ordinal);
    private DateTimeOffset? _listedFrom;
    private DateTimeOffset _listedUntil;

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
        await db.SaveChangesAsync(ct);

        var created = await tikkie.CreatePaymentRequestAsync(
            new CreatePaymentRequest(record.Description, record.AmountCents, record.ReferenceId, record.ExpiryDate),
            ct);
        CrashIfTestAsks();

        Adopt(record, created);
        await db.SaveChangesAsync(ct);
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
        var now = calendar.Now;
        if (_listedFrom is null || since < _listedFrom)
        {
            _listed.Clear();
            await ListAsync(since, now, ct);
            _listedFrom = since;
        }
        else if (since + ClockSkewMargin > _listedUntil - ClockSkewMargin)
        {
            // The attempt is newer than the last listing: list only what was created since then.
            await ListAsync(_listedUntil - ClockSkewMargin, now, ct);
        }

        _listedUntil = now;
        return _listed.GetValueOrDefault(referenceId);
    }

    /// <summary>
    /// Lists the requests created in a window. Tikkie lists newest first, so a request created by
    /// another worker while we page shifts older items to later pages and one could be skipped,
    /// which would lead to a second payable link; when the total changes during the pass, the pass
    /// starts again. The window ends a margin after now, for a Tikkie clock that runs ahead.
    /// </summary>
    private async Task ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var to = until + ClockSkewMargin;
        for (var pass = 0; pass < 5; pass++)
        {
            var total = -1;
            var stable = true;
            for (var page = 0; ; page++)
            {
                var result = await tikkie.ListPaymentRequestsAsync(page, PageSize, from, to, ct);
                foreach (var request in result.Items.Where(r => r.ReferenceId is not null))
                {
                    _listed[request.ReferenceId!] = request;
                }

                if (total >= 0 && result.TotalElementCount != total)
                {
                    stable = false;
                    break;
                }

                total = result.TotalElementCount;
                if (result.Items.Count == 0 || (page + 1) * PageSize >= total)
                {
                    break;
                }
            }

            if (stable)
            {
                return;
            }
        }

        // NOTE: five passes in a row saw new requests appear; what was seen is used, which can miss
        // a request only while more than one is created per page read.
        logger.LogWarning("Listing Tikkie payment requests did not settle after 5 passes");
    }
}
