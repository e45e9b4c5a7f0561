using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Ledger;

namespace Tijdig.Dunning;

/// <summary>
/// Loads what the engine needs in a handful of set-based queries: open invoices, collections in
/// flight, returns not yet acted on, the last message date and open claims per debtor.
/// </summary>
public sealed class DebtorSnapshotLoader(TijdigDbContext db)
{
    public async Task<List<DebtorSnapshot>> LoadAsync(DateOnly date, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.OpenCents > 0)
            .Select(i => new { i.Id, i.DebtorId, i.InvoiceNumber, i.DueDate, i.OpenCents, i.DunningLevel, i.LastChanceSentOn, i.PreReminderSentOn })
            .ToListAsync(ct);

        var pending = (await db.Collections.AsNoTracking()
            .Where(c => c.Status == CollectionStatus.Submitted)
            .Select(c => c.InvoiceId)
            .ToListAsync(ct)).ToHashSet();

        var returns = await db.Collections.AsNoTracking()
            .Where(c => (c.Status == CollectionStatus.Returned || c.Status == CollectionStatus.Rejected) && c.HandledOn == null)
            .Join(db.Invoices, c => c.InvoiceId, i => i.Id, (c, i) => new { c.Id, c.DebtorId, c.InvoiceId, i.InvoiceNumber, i.OpenCents, c.ReasonCode })
            .ToListAsync(ct);

        var lastMessages = await db.Outbox.AsNoTracking()
            .Where(m => m.BusinessDate == date)
            .Select(m => m.DebtorId)
            .Distinct()
            .ToListAsync(ct);
        var messagedToday = lastMessages.ToHashSet();

        var claimed = (await db.AgencyClaims.AsNoTracking()
            .Where(c => c.Status == ClaimStatus.Created || c.Status == ClaimStatus.Submitted)
            .Select(c => c.DebtorId)
            .ToListAsync(ct)).ToHashSet();

        var debtorIds = invoices.Select(i => i.DebtorId).Concat(returns.Select(r => r.DebtorId)).ToHashSet();
        var debtors = await db.Debtors.AsNoTracking()
            .Where(d => debtorIds.Contains(d.Id))
            .Select(d => new { d.Id, d.DebtorNumber, d.PaymentMethod, d.Mobile, d.Email, d.DunningPausedUntil })
            .ToListAsync(ct);

        var invoicesByDebtor = invoices.ToLookup(i => i.DebtorId);
        var returnsByDebtor = returns.ToLookup(r => r.DebtorId);

        return debtors.Select(d => new DebtorSnapshot(
            d.Id,
            d.DebtorNumber,
            d.PaymentMethod,
            HasMobile: d.Mobile != null,
            HasEmail: d.Email != null,
            d.DunningPausedUntil,
            LastMessageDate: messagedToday.Contains(d.Id) ? date : null,
            HasOpenClaim: claimed.Contains(d.Id),
            invoicesByDebtor[d.Id]
                .Select(i => new InvoiceSnapshot(i.Id, i.InvoiceNumber, i.DueDate, i.OpenCents, i.DunningLevel, i.LastChanceSentOn, i.PreReminderSentOn, pending.Contains(i.Id)))
                .ToList(),
            returnsByDebtor[d.Id]
                .Select(r => new ReturnedCollection(r.Id, r.InvoiceId, r.InvoiceNumber, r.OpenCents, r.ReasonCode ?? "NARR"))
                .ToList()))
            .OrderBy(s => s.DebtorNumber, StringComparer.Ordinal)
            .ToList();
    }
}
