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

        // The two big reads go through a plain data reader straight into snapshots: EF Core
        // materialisation of a million rows costs more than the engine itself.
        var reader = new RawTableReader(db);
        var invoices = await reader.ReadAsync<Invoice, (long DebtorId, InvoiceSnapshot Invoice)>(
            [nameof(Invoice.Id), nameof(Invoice.DebtorId), nameof(Invoice.InvoiceNumber), nameof(Invoice.DueDate), nameof(Invoice.AmountCents), nameof(Invoice.OpenCents), nameof(Invoice.DunningLevel), nameof(Invoice.LastChanceSentOn), nameof(Invoice.PreReminderSentOn), nameof(Invoice.RepresentOn)],
            where: column => $"{column(nameof(Invoice.OpenCents))} > 0",
            row =>
            {
                var id = row.GetInt64(0);
                var snapshot = new InvoiceSnapshot(
                    id,
                    row.GetString(2),
                    row.GetFieldValue<DateOnly>(3),
                    row.GetInt64(5),
                    row.GetInt32(6),
                    RawTableReader.NullableDate(row, 7),
                    RawTableReader.NullableDate(row, 8),
                    pending.Contains(id))
                {
                    AmountCents = row.GetInt64(4),
                    ReopenedOn = reopened.TryGetValue(id, out var on) ? on : null,
                    RepresentOn = RawTableReader.NullableDate(row, 9),
                };
                return (row.GetInt64(1), snapshot);
            },
            ct);

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
        foreach (var (debtorId, invoice) in invoices)
        {
            if (!invoicesByDebtor.TryGetValue(debtorId, out var list))
            {
                list = new List<InvoiceSnapshot>(4);
                invoicesByDebtor[debtorId] = list;
            }

            list.Add(invoice);
        }

        var returnsByDebtor = returns.ToLookup(r => r.DebtorId);

        // All debtors in one pass and filtered here: cheaper than sending hundreds of thousands of ids to the database.
        var debtors = await reader.ReadAsync<Debtor, DebtorRow>(
            [nameof(Debtor.Id), nameof(Debtor.DebtorNumber), nameof(Debtor.PaymentMethod), nameof(Debtor.Mobile), nameof(Debtor.Email), nameof(Debtor.DunningPausedUntil), nameof(Debtor.DunningSegment)],
            where: null,
            row => new DebtorRow(
                row.GetInt64(0),
                row.GetString(1),
                Enum.Parse<PaymentMethod>(row.GetString(2)),
                !row.IsDBNull(3),
                !row.IsDBNull(4),
                RawTableReader.NullableDate(row, 5),
                row.IsDBNull(6) ? null : row.GetString(6)),
            ct);

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

    private sealed record DebtorRow(long Id, string DebtorNumber, PaymentMethod PaymentMethod, bool HasMobile, bool HasEmail, DateOnly? DunningPausedUntil, string? DunningSegment);
}
