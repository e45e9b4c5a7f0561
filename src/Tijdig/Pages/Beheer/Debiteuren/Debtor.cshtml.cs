using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Debiteuren;

/// <summary>One debtor for the credit team: the invoices and, newest first, everything that happened to them.</summary>
public sealed class DebtorModel(TijdigDbContext db, BusinessCalendar calendar) : PageModel
{
    public DateOnly Today { get; private set; }

    public DebtorSummary Debtor { get; private set; } = null!;

    public long OpenCents { get; private set; }

    public long OverdueCents { get; private set; }

    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string debtorNumber, CancellationToken cancellationToken)
    {
        Today = calendar.Today;

        var debtor = await db.Debtors.AsNoTracking()
            .Where(d => d.DebtorNumber == debtorNumber)
            .Select(d => new DebtorSummary(d.Id, d.DebtorNumber, d.Name, d.PaymentMethod, d.Language, d.DunningPausedUntil, d.PauseReason))
            .FirstOrDefaultAsync(cancellationToken);
        if (debtor is null)
        {
            return NotFound();
        }

        Debtor = debtor;
        Invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.DebtorId == debtor.Id)
            .OrderByDescending(i => i.DueDate)
            .ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        OpenCents = Invoices.Sum(i => i.OpenCents);
        OverdueCents = Invoices.Where(i => i.DueDate < Today).Sum(i => i.OpenCents);

        var invoiceNumbers = Invoices.ToDictionary(i => i.Id, i => i.InvoiceNumber);
        var timeline = new List<TimelineEntry>();
        timeline.AddRange(InvoiceEntries(Invoices));
        timeline.AddRange(await LoadPaymentEntriesAsync(debtor.Id, cancellationToken));
        timeline.AddRange(await LoadCollectionEntriesAsync(debtor.Id, invoiceNumbers, cancellationToken));
        timeline.AddRange(await LoadMessageEntriesAsync(debtor.Id, cancellationToken));
        timeline.AddRange(await LoadClaimEntriesAsync(debtor.Id, cancellationToken));

        // Newest first. Within one day, events follow the life of an invoice.
        Timeline = timeline
            .OrderByDescending(e => e.Date)
            .ThenByDescending(e => e.Kind)
            .ThenByDescending(e => e.SourceId)
            .ToList();
        return Page();
    }

    private static IEnumerable<TimelineEntry> InvoiceEntries(IEnumerable<Invoice> invoices)
    {
        foreach (var invoice in invoices)
        {
            yield return new TimelineEntry(invoice.IssueDate, TimelineKind.InvoiceIssued, invoice.Id, invoice.AmountCents)
            {
                InvoiceNumber = invoice.InvoiceNumber,
                OtherDate = invoice.DueDate,
            };

            if (invoice.PaidOn is { } paidOn && invoice.OpenCents == 0)
            {
                yield return new TimelineEntry(paidOn, TimelineKind.InvoicePaid, invoice.Id, null) { InvoiceNumber = invoice.InvoiceNumber };
            }
        }
    }

    /// <summary>Includes payments without a debtor that were allocated to this debtor's invoices.</summary>
    private async Task<IEnumerable<TimelineEntry>> LoadPaymentEntriesAsync(long debtorId, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.DebtorId == debtorId
                || p.Allocations.Any(a => db.Invoices.Any(i => i.Id == a.InvoiceId && i.DebtorId == debtorId)))
            .Select(p => new { p.Id, p.BookingDate, p.AmountCents, p.Source, p.CounterpartyName })
            .ToListAsync(cancellationToken);

        return payments.Select(p => new TimelineEntry(p.BookingDate, TimelineKind.PaymentReceived, p.Id, p.AmountCents)
        {
            Code = p.Source.ToString(),
            Detail = p.CounterpartyName,
        });
    }

    private async Task<IEnumerable<TimelineEntry>> LoadCollectionEntriesAsync(
        long debtorId,
        IReadOnlyDictionary<long, string> invoiceNumbers,
        CancellationToken cancellationToken)
    {
        var collections = await db.Collections.AsNoTracking()
            .Where(c => c.DebtorId == debtorId)
            .ToListAsync(cancellationToken);

        var entries = new List<TimelineEntry>();
        foreach (var collection in collections)
        {
            var invoiceNumber = invoiceNumbers.GetValueOrDefault(collection.InvoiceId);
            entries.Add(new TimelineEntry(collection.CollectionDate, TimelineKind.CollectionSubmitted, collection.Id, collection.AmountCents)
            {
                InvoiceNumber = invoiceNumber,
                Attempt = collection.Attempt,
                Code = collection.Status.ToString(),
            });

            if (collection.Status is CollectionStatus.Returned or CollectionStatus.Rejected && collection.ReturnedOn is { } returnedOn)
            {
                entries.Add(new TimelineEntry(returnedOn, TimelineKind.CollectionReturned, collection.Id, collection.AmountCents)
                {
                    InvoiceNumber = invoiceNumber,
                    Attempt = collection.Attempt,
                    Detail = collection.ReasonCode,
                });
            }
        }

        return entries;
    }

    private async Task<IEnumerable<TimelineEntry>> LoadMessageEntriesAsync(long debtorId, CancellationToken cancellationToken)
    {
        var messages = await db.Outbox.AsNoTracking()
            .Where(m => m.DebtorId == debtorId)
            .Select(m => new { m.Id, m.BusinessDate, m.Channel, m.Step, m.Status, m.AmountCents, m.InvoiceNumbers, m.PaymentLink, m.Reason })
            .ToListAsync(cancellationToken);

        return messages.Select(m => new TimelineEntry(m.BusinessDate, TimelineKind.Message, m.Id, m.AmountCents)
        {
            Channel = m.Channel,
            Code = m.Step,
            MessageStatus = m.Status,
            InvoiceNumber = m.InvoiceNumbers,
            Link = m.PaymentLink,
            Detail = m.Reason,
        });
    }

    private async Task<IEnumerable<TimelineEntry>> LoadClaimEntriesAsync(long debtorId, CancellationToken cancellationToken)
    {
        var claims = await db.AgencyClaims.AsNoTracking()
            .Where(c => c.DebtorId == debtorId)
            .ToListAsync(cancellationToken);

        return claims.Select(c => new TimelineEntry(c.CreatedOn, TimelineKind.AgencyClaim, c.Id, c.PrincipalCents + c.CollectionCostsCents)
        {
            Detail = c.Agency,
            InvoiceNumber = c.InvoiceNumbers,
            Code = c.Status.ToString(),
        });
    }
}

public sealed record DebtorSummary(
    long Id,
    string DebtorNumber,
    string Name,
    PaymentMethod PaymentMethod,
    string Language,
    DateOnly? DunningPausedUntil,
    string? PauseReason);

/// <summary>A kind of timeline event. Within one day, events are ordered by member order.</summary>
public enum TimelineKind
{
    InvoiceIssued,
    CollectionSubmitted,
    CollectionReturned,
    Message,
    PaymentReceived,
    InvoicePaid,
    AgencyClaim,
}

/// <summary>One event on a debtor's timeline. <see cref="SourceId"/> is the id of the row it came from.</summary>
public sealed record TimelineEntry(DateOnly Date, TimelineKind Kind, long SourceId, long? AmountCents)
{
    public string? InvoiceNumber { get; init; }

    public DateOnly? OtherDate { get; init; }

    public int? Attempt { get; init; }

    /// <summary>A code shown through the texts: payment source, collection status, dunning step or claim status.</summary>
    public string? Code { get; init; }

    public MessageChannel? Channel { get; init; }

    public MessageStatus? MessageStatus { get; init; }

    public string? Link { get; init; }

    public string? Detail { get; init; }
}
