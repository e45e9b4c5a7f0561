using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Dunning.Replay;
using Tijdig.Domain.Messaging;

namespace Tijdig.Dunning.Replay;

/// <summary>The ledger of a replay window: the invoices to replay and the behaviour estimated from what happened to them.</summary>
public sealed record ReplayHistory(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<ReplayInvoice> Invoices,
    IReadOnlyList<ObservedInvoice> Observed,
    IReadOnlyList<ObservedMessage> Messages);

/// <summary>
/// Reads invoices due in a window, the dunning messages sent about them and the day each was paid in
/// full. The paid day comes from the allocations and their payments' booking dates, so a refund that
/// reopened an invoice shows as unpaid again.
/// </summary>
public sealed class ReplayHistoryLoader(TijdigDbContext db)
{
    private static readonly MessageStatus[] SentStatuses = [MessageStatus.Sent, MessageStatus.Delivered];

    /// <summary>Loads invoices due from <paramref name="to"/> minus <paramref name="months"/> months up to and including <paramref name="to"/>.</summary>
    public async Task<ReplayHistory> LoadAsync(DateOnly to, int months, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
        var from = to.AddMonths(-months).AddDays(1);

        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.DueDate >= from && i.DueDate <= to)
            .Join(db.Debtors, i => i.DebtorId, d => d.Id, (i, d) => new
            {
                i.Id, i.InvoiceNumber, i.DueDate, i.AmountCents, i.OpenCents, i.PaidOn,
                i.DebtorId, d.DebtorNumber, d.PaymentMethod, d.DunningSegment,
            })
            .ToListAsync(ct);
        var ids = invoices.Select(i => i.Id).ToHashSet();

        // Payments can come after the window, and (paid in advance) up to two months before it. The
        // invoices are matched in memory: a list of ids in the query would exceed the parameter limit.
        var allocations = (await db.Allocations.AsNoTracking()
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { a.InvoiceId, a.AmountCents, p.BookingDate })
            .Where(a => a.BookingDate >= from.AddMonths(-2))
            .ToListAsync(ct))
            .Where(a => ids.Contains(a.InvoiceId))
            .ToLookup(a => a.InvoiceId, a => (a.AmountCents, a.BookingDate));

        // Pre-reminders go out before the due date, so messages are read from two weeks before the window.
        var messages = await db.Outbox.AsNoTracking()
            .Where(m => m.BusinessDate >= from.AddDays(-14) && m.PolicyVersion != null && SentStatuses.Contains(m.Status))
            .Select(m => new { m.Step, m.Channel, m.BusinessDate, m.InvoiceNumbers })
            .ToListAsync(ct);

        var replay = invoices
            .OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => new ReplayInvoice(i.DebtorId, i.DebtorNumber, i.PaymentMethod, i.DunningSegment, i.InvoiceNumber, i.DueDate, i.AmountCents))
            .ToList();
        var observed = invoices
            .OrderBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .Select(i => new ObservedInvoice(i.InvoiceNumber, i.DunningSegment, i.DueDate, PaidInFullOn(i.AmountCents, i.OpenCents, i.PaidOn, allocations[i.Id])))
            .ToList();
        var observedMessages = messages
            .SelectMany(m => m.InvoiceNumbers
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(number => new ObservedMessage(number, m.Step, m.Channel, m.BusinessDate)))
            .ToList();

        return new ReplayHistory(from, to, replay, observed, observedMessages);
    }

    /// <summary>
    /// The booking date on which the allocations first covered the whole invoice, with a refund counted
    /// against it; null when they never did. Without allocations (an invoice imported as paid) the
    /// invoice's own paid date is used.
    /// </summary>
    private static DateOnly? PaidInFullOn(long amountCents, long openCents, DateOnly? paidOn, IEnumerable<(long AmountCents, DateOnly BookingDate)> allocations)
    {
        var ordered = allocations.OrderBy(a => a.BookingDate).ToList();
        if (ordered.Count == 0)
        {
            return openCents <= 0 ? paidOn : null;
        }

        var covered = 0L;
        DateOnly? paidInFull = null;
        foreach (var allocation in ordered)
        {
            covered += allocation.AmountCents;
            paidInFull = covered >= amountCents ? paidInFull ?? allocation.BookingDate : null;
        }

        return paidInFull;
    }
}
