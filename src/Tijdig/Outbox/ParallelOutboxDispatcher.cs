using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Outbox;

/// <summary>
/// Sends the queued messages with several workers; the daily cycle, the scheduler and the benchmark
/// use it. The messages go in batches of <see cref="OutboxSettings.DispatchBatchSize"/> through
/// <see cref="OutboxDispatcher.DispatchBatchAsync"/>, which claims, creates and commits a whole batch
/// with a few statements under the same exactly-once rules as the sequential dispatcher. All messages
/// of one debtor go to the same batch: the SMS and the e-mail of one dunning step share a payment
/// request, and two workers that called <see cref="Payments.PaymentRequestCreator"/> for the same
/// record at the same time could both create a Tikkie. Each batch runs in its own DI scope, so each
/// worker has its own DbContext; at most <c>workers</c> batches, and so create calls, run at a time.
/// </summary>
/// <remarks>
/// As in <see cref="OutboxDispatcher.DispatchAsync"/>, a fallback e-mail queued during the run is sent
/// in the same run, in a second round after the first. On SQLite the workers' short transactions still
/// take turns on the single writer.
/// </remarks>
public sealed class ParallelOutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<OutboxSettings> options,
    BusinessCalendar calendar)
{
    /// <summary>Sends every due queued message once, with at most <paramref name="workers"/> batches in progress at a time.</summary>
    /// <returns>The counts as <see cref="OutboxDispatcher.DispatchAsync"/> reports them: a message that waits (retry, quiet hours, NextAttemptAt) is deferred.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is less than 1.</exception>
    public async Task<DispatchResult> DispatchAsync(int workers, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);

        var (groups, deferred) = await PrepareAsync(ct);
        var tally = new Tally { Deferred = deferred };

        // A fallback is an e-mail, and an e-mail never falls back, so the second round queues none and this loop ends.
        while (groups.Count > 0)
        {
            groups = await RunRoundAsync(groups, workers, tally, ct);
        }

        return new DispatchResult(tally.Sent, tally.Cancelled, tally.Failed, tally.Deferred);
    }

    /// <summary>
    /// Sends the due queued messages of one debtor now, such as the confirmation of an arrangement the
    /// parent just booked, without sending or waiting for the rest of the outbox.
    /// </summary>
    public async Task<DispatchResult> DispatchDebtorAsync(long debtorId, CancellationToken ct)
    {
        List<long> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
            var queued = await db.Outbox.AsNoTracking()
                .Where(m => m.DebtorId == debtorId && m.Status == MessageStatus.Queued)
                .OrderBy(m => m.Id)
                .Select(m => new { m.Id, m.NextAttemptAt })
                .ToListAsync(ct);

            var now = calendar.Now;
            due = queued.Where(m => m.NextAttemptAt is not { } next || next <= now).Select(m => m.Id).ToList();
        }

        var tally = new Tally();
        var groups = due.Count == 0 ? [] : new List<List<long>> { due };
        while (groups.Count > 0)
        {
            groups = await RunRoundAsync(groups, workers: 1, tally, ct);
        }

        return new DispatchResult(tally.Sent, tally.Cancelled, tally.Failed, tally.Deferred);
    }

    // Runs the batches of one round and returns the fallback e-mails they queued, one group per batch.
    private async Task<List<List<long>>> RunRoundAsync(List<List<long>> groups, int workers, Tally tally, CancellationToken ct)
    {
        var fallbacks = new System.Collections.Concurrent.ConcurrentQueue<List<long>>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = ct };
        await Parallel.ForEachAsync(Batches(groups, Math.Max(1, options.Value.DispatchBatchSize)), parallel, async (messageIds, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var dispatcher = scope.ServiceProvider.GetRequiredService<OutboxDispatcher>();
            var result = await dispatcher.DispatchBatchAsync(messageIds, token);
            foreach (var status in result.Statuses)
            {
                tally.Add(status);
            }

            // The fallbacks of one batch stay together: they may belong to one debtor and share a payment request.
            if (result.FallbackIds.Count > 0)
            {
                fallbacks.Enqueue([.. result.FallbackIds]);
            }
        });

        return [.. fallbacks];
    }

    // Reconciles and erases once before any worker starts, then groups the due messages by debtor.
    private async Task<(List<List<long>> Groups, int Deferred)> PrepareAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxReconciler>().ReconcileAsync(ct);
        await scope.ServiceProvider.GetRequiredService<Payments.PaymentRequestCreator>().ReconcileUnknownOutcomesAsync(ct);
        await scope.ServiceProvider.GetRequiredService<MessageRetention>().EraseOldBodiesAsync(ct);

        var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
        var queued = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == MessageStatus.Queued)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.DebtorId, m.NextAttemptAt })
            .ToListAsync(ct);

        // NextAttemptAt is compared here rather than in SQL because SQLite cannot compare DateTimeOffset values.
        var now = calendar.Now;
        var due = queued.Where(m => m.NextAttemptAt is not { } next || next <= now).ToList();
        var groups = due
            .GroupBy(m => m.DebtorId)
            .Select(g => g.Select(m => m.Id).ToList())
            .ToList();
        return (groups, queued.Count - due.Count);
    }

    // Packs whole debtor groups into batches of about batchSize messages; a group is never split.
    private static IEnumerable<List<long>> Batches(List<List<long>> groups, int batchSize)
    {
        var batch = new List<long>();
        foreach (var group in groups)
        {
            batch.AddRange(group);
            if (batch.Count >= batchSize)
            {
                yield return batch;
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    private sealed class Tally
    {
        private int sent;
        private int cancelled;
        private int failed;
        private int deferred;

        public int Sent => Volatile.Read(ref sent);

        public int Cancelled => Volatile.Read(ref cancelled);

        public int Failed => Volatile.Read(ref failed);

        public int Deferred
        {
            get => Volatile.Read(ref deferred);
            init => deferred = value;
        }

        // Same mapping as the sequential dispatcher: Queued (retry, quiet hours) and Sending count as deferred.
        public void Add(MessageStatus status)
        {
            switch (status)
            {
                case MessageStatus.Sent:
                    Interlocked.Increment(ref sent);
                    break;
                case MessageStatus.Cancelled:
                    Interlocked.Increment(ref cancelled);
                    break;
                case MessageStatus.Failed:
                    Interlocked.Increment(ref failed);
                    break;
                default:
                    Interlocked.Increment(ref deferred);
                    break;
            }
        }
    }
}
