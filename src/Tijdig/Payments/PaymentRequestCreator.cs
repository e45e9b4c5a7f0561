using System.Net;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Tikkie;
using Tijdig.Hosting;
using Tijdig.Outbox;
using Tijdig.Tikkie;

namespace Tijdig.Payments;

public enum PaymentRequestLink
{
    /// <summary>The record has a token and a payable link.</summary>
    Ready,

    /// <summary>The expiry date has passed: the link is not sent again, and a request not yet created is never created.</summary>
    Expired,

    /// <summary>
    /// An earlier create call may still be on its way, or another dispatcher has claimed the record.
    /// Nothing was created now, and the message waits for a later round.
    /// </summary>
    Pending,
}

/// <summary>The outcome of one record in <see cref="PaymentRequestCreator.CreateBatchAsync"/>; <see cref="Error"/> is set when the create call failed.</summary>
public sealed record PaymentRequestOutcome(PaymentRequestLink Link, Exception? Error = null);

/// <summary>
/// Creates the Tikkie behind a payment-request record exactly once. Tikkie has no idempotency
/// key and cannot delete a request, so a blind retry could leave two payable links. The attempt is
/// committed before the call, by a conditional update that only one dispatcher can win. When an
/// attempt has no token, the requests created since the attempt are listed and the one with the
/// record's reference id is adopted. Only when none exists and no call can still be on its way is
/// the attempt cleared, so that the request is created again.
/// </summary>
public sealed class PaymentRequestCreator(
    TijdigDbContext db,
    TikkieClient tikkie,
    BusinessCalendar calendar,
    ILogger<PaymentRequestCreator> logger)
{
    private readonly SettlementListing listing = new(tikkie, logger);

    /// <summary>
    /// Environment variable for the crash test only: when it is "1", the process kills itself right
    /// after Tikkie returned a create and before the token is committed. Unset in every real installation.
    /// </summary>
    public const string CrashAfterCreateVariable = "TIJDIG_TEST_CRASH_AFTER_TIKKIE_CREATE";

    private const int PageSize = 50;

    /// <summary>How far before the recorded attempt the search starts, for clock skew between Tijdig and Tikkie.</summary>
    private static readonly TimeSpan ClockSkewMargin = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The age after which an attempt without a response is settled. Until then the call (after a crash,
    /// a timeout or a broken connection) may still be on its way to Tikkie from this or another process.
    /// </summary>
    private static readonly TimeSpan InFlightAge = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Settles, with one listing at Tikkie, every record whose create outcome was lost: a request
    /// Tikkie has is adopted, and for one it lacks the attempt is cleared, so the next create makes it
    /// without listing again. Tikkie cannot filter a list by reference id, so this replaces a listing
    /// per record. Call it at the start of a dispatch round, before that round creates anything.
    /// An attempt whose call came back with an error (<see cref="PaymentRequestState.IntentCallReturned"/>)
    /// is settled whatever its age; one that may still be in flight only once it is a minute old.
    /// </summary>
    public async Task ReconcileUnknownOutcomesAsync(CancellationToken ct)
    {
        var now = calendar.Now;
        var unknown = await db.PaymentRequests
            .Where(r => r.Token == null && r.CreationAttemptedAt != null)
            .Where(r => r.State == PaymentRequestState.Intent || r.State == PaymentRequestState.IntentCallReturned)
            .ToListAsync(ct);
        unknown = unknown.Where(r => CanSettle(r, now)).ToList();
        if (unknown.Count == 0)
        {
            return;
        }

        var since = unknown.Min(r => r.CreationAttemptedAt!.Value) - ClockSkewMargin;
        var atTikkie = await listing.ListSinceAsync(since, now, ct);

        var missing = new List<PaymentRequestRecord>();
        foreach (var record in unknown)
        {
            if (atTikkie.TryGetValue(record.ReferenceId, out var found))
            {
                Adopt(record, found);
                PaymentLog.AdoptedUnknownOutcome(logger, record.ReferenceId);
            }
            else
            {
                missing.Add(record);
            }
        }

        await db.SaveChangesAsync(ct);
        await ClearAttemptsAsync(missing, ct);
    }

    /// <summary>Creates the request behind one record, or finds it at Tikkie; commits the outcome.</summary>
    public async Task<PaymentRequestLink> EnsureCreatedAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        var outcome = (await CreateBatchAsync([record], ct))[record];
        await db.SaveChangesAsync(ct);
        return outcome.Error is { } error ? throw Rethrow(error) : outcome.Link;
    }

    /// <summary>
    /// Creates the requests behind <paramref name="records"/>: the attempts of all fresh records are
    /// committed in one statement before the first call, then the calls run one after another. The
    /// tokens are set on the tracked records but not saved: the caller commits them, together with
    /// whatever else it changed, before it sends a link anywhere. A failed call is reported in
    /// <see cref="PaymentRequestOutcome.Error"/>, not thrown.
    /// </summary>
    public async Task<Dictionary<PaymentRequestRecord, PaymentRequestOutcome>> CreateBatchAsync(IReadOnlyCollection<PaymentRequestRecord> records, CancellationToken ct)
    {
        var outcomes = new Dictionary<PaymentRequestRecord, PaymentRequestOutcome>(ReferenceEqualityComparer.Instance);
        var fresh = new List<PaymentRequestRecord>();
        foreach (var record in records.Distinct(ReferenceEqualityComparer.Instance).Cast<PaymentRequestRecord>())
        {
            // An expired link is never sent again; the next dunning step makes a new request.
            if (record.ExpiryDate < calendar.Today || record.State == PaymentRequestState.Expired)
            {
                outcomes[record] = new PaymentRequestOutcome(PaymentRequestLink.Expired);
            }
            else if (record.Token is not null)
            {
                outcomes[record] = new PaymentRequestOutcome(PaymentRequestLink.Ready);
            }
            else if (record.CreationAttemptedAt is not null && await SettleOneAsync(record, ct) is { } settled)
            {
                outcomes[record] = new PaymentRequestOutcome(settled);
            }
            else
            {
                fresh.Add(record);
            }
        }

        if (!await RecordAttemptsAsync(fresh, ct))
        {
            foreach (var record in fresh)
            {
                outcomes[record] = new PaymentRequestOutcome(PaymentRequestLink.Pending);
            }

            return outcomes;
        }

        foreach (var record in fresh)
        {
            outcomes[record] = await CreateOneAsync(record, ct);
        }

        return outcomes;
    }

    private async Task<PaymentRequestOutcome> CreateOneAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        var started = OutboxMetrics.Start();
        try
        {
            var created = await tikkie.CreatePaymentRequestAsync(
                new CreatePaymentRequest(record.Description, record.AmountCents, record.ReferenceId, record.ExpiryDate),
                ct);
            CrashIfTestAsks();
            Adopt(record, created);
            return new PaymentRequestOutcome(PaymentRequestLink.Ready);
        }
        catch (TikkieApiException exception) when (exception.StatusCode is not (HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout))
        {
            // Tikkie sent a response, so the call is over and the next round's listing may settle it at once.
            // A gateway timeout is left out, because the request may still be on its way behind the gateway.
            record.State = PaymentRequestState.IntentCallReturned;
            return new PaymentRequestOutcome(PaymentRequestLink.Pending, exception);
        }
        catch (Exception exception) when (IsCallFailure(exception) && !ct.IsCancellationRequested)
        {
            // No response, so the call may still reach Tikkie and the attempt waits for the age threshold.
            return new PaymentRequestOutcome(PaymentRequestLink.Pending, exception);
        }
        finally
        {
            OutboxMetrics.Record("create", started);
        }
    }

    /// <summary>
    /// Commits the attempt of every record in one conditional update, before any call. When another
    /// dispatcher stamped one of them first, this run cannot tell which ones are its own, so it
    /// creates none. The records it did stamp look like calls in flight, and a later listing settles
    /// them: slower, but it never creates a second link.
    /// </summary>
    private async Task<bool> RecordAttemptsAsync(List<PaymentRequestRecord> records, CancellationToken ct)
    {
        if (records.Count == 0)
        {
            return true;
        }

        var started = OutboxMetrics.Start();
        var now = calendar.Now;
        var ids = records.Select(r => r.Id).ToList();
        var stamped = await db.PaymentRequests
            .Where(r => ids.Contains(r.Id) && r.Token == null && r.CreationAttemptedAt == null)
            .ExecuteUpdateAsync(update => update.SetProperty(r => r.CreationAttemptedAt, now), ct);
        OutboxMetrics.Record("intent-commit", started);

        foreach (var record in records)
        {
            // The row already contains the value, so the tracker must not write it again.
            record.CreationAttemptedAt = now;
            db.Entry(record).Property(r => r.CreationAttemptedAt).OriginalValue = now;
        }

        return stamped == records.Count;
    }

    /// <summary>
    /// Settles one record with an earlier attempt: adopted when Tikkie has it (Ready), left alone when
    /// the call may still be in flight (Pending), or cleared so that it is created now (null).
    /// </summary>
    private async Task<PaymentRequestLink?> SettleOneAsync(PaymentRequestRecord record, CancellationToken ct)
    {
        var found = await FindAtTikkieAsync(record.ReferenceId, record.CreationAttemptedAt!.Value - ClockSkewMargin, ct);
        if (found is not null)
        {
            PaymentLog.AdoptedUnknownOutcome(logger, record.ReferenceId);
            Adopt(record, found);
            return PaymentRequestLink.Ready;
        }

        if (!CanSettle(record, calendar.Now))
        {
            return PaymentRequestLink.Pending;
        }

        return await ClearAttemptsAsync([record], ct) == 1 ? null : PaymentRequestLink.Pending;
    }

    /// <summary>The failures of a create call that the dispatcher retries later: no response, or an error response.</summary>
    public static bool IsCallFailure(Exception exception) =>
        exception is HttpRequestException or TikkieApiException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException;

    private static bool CanSettle(PaymentRequestRecord record, DateTimeOffset now) =>
        record.State == PaymentRequestState.IntentCallReturned || record.CreationAttemptedAt <= now - InFlightAge;

    /// <summary>
    /// Clears the attempts Tikkie turned out not to have. Each update holds only while the row still
    /// carries the attempt this run listed for, so an attempt another dispatcher made in the meantime
    /// is never cleared. Records of one batch share their attempt time, so this is one statement per batch.
    /// </summary>
    private async Task<int> ClearAttemptsAsync(List<PaymentRequestRecord> records, CancellationToken ct)
    {
        var cleared = 0;
        foreach (var group in records.GroupBy(r => (r.CreationAttemptedAt!.Value, r.State)))
        {
            var (attemptedAt, state) = group.Key;
            var ids = group.Select(r => r.Id).ToList();
            var count = await db.PaymentRequests
                .Where(r => ids.Contains(r.Id) && r.Token == null && r.CreationAttemptedAt == attemptedAt && r.State == state)
                .ExecuteUpdateAsync(
                    update => update
                        .SetProperty(r => r.CreationAttemptedAt, (DateTimeOffset?)null)
                        .SetProperty(r => r.State, PaymentRequestState.Intent),
                    ct);
            cleared += count;
            foreach (var record in group)
            {
                if (count == ids.Count)
                {
                    // The rows hold these values now, so the tracker must not write anything for them.
                    record.CreationAttemptedAt = null;
                    record.State = PaymentRequestState.Intent;
                    db.Entry(record).Property(r => r.CreationAttemptedAt).OriginalValue = null;
                    db.Entry(record).Property(r => r.State).OriginalValue = PaymentRequestState.Intent;
                }
                else
                {
                    // Another dispatcher changed some of them; read back which.
                    await db.Entry(record).ReloadAsync(ct);
                }
            }
        }

        return cleared;
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

    private static Exception Rethrow(Exception error)
    {
        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        return error;
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
