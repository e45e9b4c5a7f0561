using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;

namespace Tijdig.Dunning;

/// <summary>
/// Loads what the engine needs in a handful of set-based queries: open invoices, collections in
/// flight, returns not yet acted on, refunds that reopened invoices, pauses, unallocated money, the
/// last message date, recent collection costs and open claims per debtor.
/// </summary>
public sealed class DebtorSnapshotLoader(TijdigDbContext db)
{
    public async Task<List<DebtorSnapshot>> LoadAsync(DateOnly date, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.OpenCents > 0)
            .Select(i => new InvoiceRow(i.Id, i.DebtorId, i.InvoiceNumber, i.DueDate, i.AmountCents, i.OpenCents, i.DunningLevel, i.LastChanceSentOn, i.PreReminderSentOn, i.RepresentOn))
            .ToListAsync(ct);

        var pending = (await db.Collections.AsNoTracking()
            .Where(c => c.Status == CollectionStatus.Submitted)
            .Select(c => c.InvoiceId)
            .ToListAsync(ct)).ToHashSet();

        var returns = await db.Collections.AsNoTracking()
            .Where(c => (c.Status == CollectionStatus.Returned || c.Status == CollectionStatus.Rejected) && c.HandledOn == null)
            .Join(db.Invoices, c => c.InvoiceId, i => i.Id, (c, i) => new { c.Id, c.DebtorId, c.InvoiceId, i.InvoiceNumber, i.OpenCents, c.ReasonCode, c.Attempt, c.ReturnedOn })
            .ToListAsync(ct);

        // A negative allocation is a refund or a returned collection that reopened a paid invoice.
        var reopened = (await db.Allocations.AsNoTracking()
            .Where(a => a.AmountCents < 0)
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { a.InvoiceId, p.BookingDate })
            .ToListAsync(ct))
            .GroupBy(a => a.InvoiceId)
            .ToDictionary(g => g.Key, g => g.Max(a => a.BookingDate));

        var messagedToday = (await db.Outbox.AsNoTracking()
            .Where(m => m.BusinessDate == date)
            .Select(m => m.DebtorId)
            .Distinct()
            .ToListAsync(ct)).ToHashSet();

        var claimed = (await db.AgencyClaims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Created || c.Status == ClaimStatus.Submitted || c.Status == ClaimStatus.InProgress)
            .Select(c => c.DebtorId)
            .ToListAsync(ct)).ToHashSet();

        var sixMonthsAgo = date.AddMonths(-6);
        var recentCosts = (await db.AgencyClaims.AsNoTracking()
            .Where(c => c.CreatedOn > sixMonthsAgo && c.Status != ClaimStatus.Recalled)
            .Select(c => new { c.DebtorId, c.CollectionCostsCents })
            .ToListAsync(ct))
            .GroupBy(c => c.DebtorId)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.CollectionCostsCents));

        var inFlight = (await db.Payments.AsNoTracking()
            .Where(p => p.UnallocatedCents > 0 && p.DebtorId != null)
            .Select(p => new { p.DebtorId, p.UnallocatedCents })
            .ToListAsync(ct))
            .GroupBy(p => p.DebtorId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.UnallocatedCents));

        var pauses = (await db.DunningPauses.AsNoTracking()
            .Where(p => p.StartsOn <= date && p.EndsOn >= date && (p.EndedOn == null || p.EndedOn > date))
            .ToListAsync(ct))
            .ToLookup(p => p.DebtorId, p => p.ToWindow());

        var invoicesByDebtor = new Dictionary<long, List<InvoiceSnapshot>>();
        foreach (var i in invoices)
        {
            if (!invoicesByDebtor.TryGetValue(i.DebtorId, out var list))
            {
                list = [];
                invoicesByDebtor[i.DebtorId] = list;
            }

            list.Add(new InvoiceSnapshot(i.Id, i.InvoiceNumber, i.DueDate, i.OpenCents, i.DunningLevel, i.LastChanceSentOn, i.PreReminderSentOn, pending.Contains(i.Id))
            {
                AmountCents = i.AmountCents,
                ReopenedOn = reopened.TryGetValue(i.Id, out var on) ? on : null,
                RepresentOn = i.RepresentOn,
            });
        }

        var returnsByDebtor = returns.ToLookup(r => r.DebtorId);

        // All debtors in one pass and filtered here: cheaper than sending hundreds of thousands of ids to the database.
        var debtors = await db.Debtors.AsNoTracking()
            .Select(d => new { d.Id, d.DebtorNumber, d.PaymentMethod, HasMobile = d.Mobile != null, HasEmail = d.Email != null, d.DunningPausedUntil, d.DunningSegment })
            .ToListAsync(ct);

        var snapshots = new List<DebtorSnapshot>(invoicesByDebtor.Count);
        foreach (var d in debtors)
        {
            var hasInvoices = invoicesByDebtor.TryGetValue(d.Id, out var open);
            if (!hasInvoices && !returnsByDebtor.Contains(d.Id))
            {
                continue;
            }

            var windows = pauses[d.Id].ToList();
            if (d.DunningPausedUntil is { } until && until >= date)
            {
                windows.Add(new PauseWindow(PauseKind.Unspecified, DateOnly.MinValue, until));
            }

            snapshots.Add(new DebtorSnapshot(
                d.Id,
                d.DebtorNumber,
                d.PaymentMethod,
                d.HasMobile,
                d.HasEmail,
                windows,
                LastMessageDate: messagedToday.Contains(d.Id) ? date : null,
                HasOpenClaim: claimed.Contains(d.Id),
                open ?? [],
                returnsByDebtor[d.Id]
                    .Select(r => new ReturnedCollection(r.Id, r.InvoiceId, r.InvoiceNumber, r.OpenCents, r.ReasonCode ?? "NARR", r.Attempt, r.ReturnedOn))
                    .ToList())
            {
                Segment = d.DunningSegment,
                RecentCollectionCostsCents = recentCosts.GetValueOrDefault(d.Id),
                InFlightCents = inFlight.GetValueOrDefault(d.Id),
            });
        }

        snapshots.Sort((left, right) => string.CompareOrdinal(left.DebtorNumber, right.DebtorNumber));
        return snapshots;
    }

    private sealed record InvoiceRow(
        long Id,
        long DebtorId,
        string InvoiceNumber,
        DateOnly DueDate,
        long AmountCents,
        long OpenCents,
        int DunningLevel,
        DateOnly? LastChanceSentOn,
        DateOnly? PreReminderSentOn,
        DateOnly? RepresentOn);
}
