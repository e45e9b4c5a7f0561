using System.Collections.Concurrent;
using Tijdig.Tikkie;

namespace Tijdig.Payments;

/// <summary>
/// Lists the payment requests Tikkie created since a moment, for the settlement of lost create
/// outcomes, without missing one. Tikkie has no cursor: a page is an offset into the current list, so
/// a request created during the read shifts the others between pages. Read page by page from the
/// first, such a shift only repeats a request, never hides one; read in parallel, it can hide one.
/// So the list is split at a moment before the round started. The closed window up to that moment
/// gets no new requests once it lies in the past, and its pages are read in parallel. The open tail
/// after it is read in parallel too, which pays off when nothing else creates requests meanwhile.
/// A parallel read counts only when every page reported the total of the first page: without
/// deletions (Tikkie cannot delete a payment request) an equal total means no request was added
/// between the first and the last page. Otherwise that part is read again page by page.
/// </summary>
/// <remarks>
/// The split never decides correctness: a request on either side of it is found either way, even with
/// clock skew between Tijdig and Tikkie. It only makes a changed total in the closed window unlikely.
/// NOTE: this assumes Tikkie returns an unchanged set of requests in the same order on every call. The
/// sandbox sorts by creation time and insertion order, and the API documentation states no order.
/// </remarks>
internal sealed class SettlementListing(TikkieClient tikkie, ILogger logger)
{
    /// <summary>Tikkie's maximum page size.</summary>
    public const int PageSize = 50;

    /// <summary>Pages read at a time in a parallel read.</summary>
    public const int MaxParallelPages = 4;

    /// <summary>
    /// How long before the round started the closed window ends. A request created during the round
    /// gets Tikkie's creation time, which can only fall inside the window when Tikkie's clock runs
    /// this far behind Tijdig's. NTP-synchronised clocks differ by milliseconds, not seconds.
    /// </summary>
    public static readonly TimeSpan WindowEndMargin = TimeSpan.FromSeconds(2);

    /// <summary>Returns the requests created at or after <paramref name="since"/>, by reference id; requests without one are left out.</summary>
    public async Task<Dictionary<string, PaymentRequest>> ListSinceAsync(DateTimeOffset since, DateTimeOffset roundStartedAt, CancellationToken ct)
    {
        var atTikkie = new Dictionary<string, PaymentRequest>(StringComparer.Ordinal);
        var windowEnd = roundStartedAt - WindowEndMargin;
        var tailFrom = since;
        if (windowEnd > since)
        {
            await ReadAsync(since, windowEnd, atTikkie, ct);

            // Both bounds are inclusive, so a request created at windowEnd is read twice and kept once.
            tailFrom = windowEnd;
        }

        await ReadAsync(tailFrom, null, atTikkie, ct);
        return atTikkie;
    }

    private async Task ReadAsync(DateTimeOffset from, DateTimeOffset? to, Dictionary<string, PaymentRequest> atTikkie, CancellationToken ct)
    {
        var first = await tikkie.ListPaymentRequestsAsync(0, PageSize, from, to, ct);
        var pageCount = (first.TotalElementCount + PageSize - 1) / PageSize;
        var pages = new ConcurrentDictionary<int, TikkiePage<PaymentRequest>>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = MaxParallelPages, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(1, Math.Max(0, pageCount - 1)), parallel, async (page, token) =>
        {
            pages[page] = await tikkie.ListPaymentRequestsAsync(page, PageSize, from, to, token);
        });

        var changed = pages.Values.FirstOrDefault(p => p.TotalElementCount != first.TotalElementCount);
        if (changed is not null)
        {
            PaymentLog.ListChangedDuringParallelRead(logger, from, first.TotalElementCount, changed.TotalElementCount);
            await ReadPageByPageAsync(from, to, atTikkie, ct);
            return;
        }

        Add(atTikkie, first);
        foreach (var page in pages.Values)
        {
            Add(atTikkie, page);
        }
    }

    // Safe while requests are added: an added request shifts the rest towards later pages, so a request is read twice at worst.
    private async Task ReadPageByPageAsync(DateTimeOffset from, DateTimeOffset? to, Dictionary<string, PaymentRequest> atTikkie, CancellationToken ct)
    {
        for (var page = 0; ; page++)
        {
            var result = await tikkie.ListPaymentRequestsAsync(page, PageSize, from, to, ct);
            Add(atTikkie, result);
            if (result.Items.Count == 0 || (page + 1) * PageSize >= result.TotalElementCount)
            {
                return;
            }
        }
    }

    private static void Add(Dictionary<string, PaymentRequest> atTikkie, TikkiePage<PaymentRequest> page)
    {
        foreach (var request in page.Items.Where(r => r.ReferenceId is not null))
        {
            atTikkie.TryAdd(request.ReferenceId!, request);
        }
    }
}
