using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer;

/// <summary>The credit team's dashboard: balances, ageing, overdue invoices and what waits for a person.</summary>
public sealed class IndexModel(TijdigDbContext db, BusinessCalendar calendar) : PageModel
{
    /// <summary>Maximum rows per list, so the dashboard stays fast with tens of thousands of debtors.</summary>
    public const int ListLimit = 100;

    public const int OutboxLimit = 25;

    public DateOnly Today { get; private set; }

    public long OpenCents { get; private set; }

    public long OverdueCents { get; private set; }

    public int OverdueCount { get; private set; }

    public IReadOnlyList<AgeingBucket> Ageing { get; private set; } = [];

    public IReadOnlyList<OverdueInvoiceRow> OverdueInvoices { get; private set; } = [];

    public IReadOnlyList<OutboxRow> Messages { get; private set; } = [];

    public int UnmatchedCount { get; private set; }

    public IReadOnlyList<BankEntryRow> UnmatchedEntries { get; private set; } = [];

    public int OpenWorkItemCount { get; private set; }

    public IReadOnlyList<WorkItemRow> WorkItems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = calendar.Today;

        Ageing = await LoadAgeingAsync(Today, cancellationToken);
        OpenCents = Ageing.Sum(bucket => bucket.OpenCents);
        OverdueCents = Ageing.Where(bucket => bucket.IsOverdue).Sum(bucket => bucket.OpenCents);
        OverdueCount = Ageing.Where(bucket => bucket.IsOverdue).Sum(bucket => bucket.InvoiceCount);

        OverdueInvoices = await LoadOverdueInvoicesAsync(Today, cancellationToken);
        Messages = await LoadLatestMessagesAsync(cancellationToken);

        var unmatched = db.BankTransactions.AsNoTracking()
            .Where(t => t.Outcome == MatchOutcome.Unmatched && t.ResolvedOn == null);
        UnmatchedCount = await unmatched.CountAsync(cancellationToken);
        UnmatchedEntries = await unmatched
            .OrderByDescending(t => t.BookingDate)
            .ThenByDescending(t => t.Id)
            .Take(ListLimit)
            .Select(t => new BankEntryRow(t.BookingDate, t.AmountCents, t.CounterpartyName, t.RemittanceInformation ?? t.StructuredReference))
            .ToListAsync(cancellationToken);

        var openWork = db.WorkItems.AsNoTracking().Where(w => w.ResolvedOn == null);
        OpenWorkItemCount = await openWork.CountAsync(cancellationToken);
        // Items with a deadline come first, earliest deadline first, so an overdue one is never below the fold.
        WorkItems = await openWork
            .OrderBy(w => w.DueOn == null)
            .ThenBy(w => w.DueOn)
            .ThenBy(w => w.CreatedOn)
            .ThenBy(w => w.Id)
            .Take(ListLimit)
            .Select(w => new WorkItemRow(
                w.CreatedOn,
                w.Queue,
                db.Debtors.Where(d => d.Id == w.DebtorId).Select(d => d.DebtorNumber).FirstOrDefault(),
                w.Description)
            { DueOn = w.DueOn })
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Groups the open invoices by days past due in one database query. The bucket edges are
    /// due dates, so the database compares dates and never computes a day difference.
    /// </summary>
    private async Task<IReadOnlyList<AgeingBucket>> LoadAgeingAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var due30 = today.AddDays(-30);
        var due60 = today.AddDays(-60);
        var due90 = today.AddDays(-90);

        var totals = await db.Invoices.AsNoTracking()
            .Where(i => i.OpenCents > 0)
            .GroupBy(i => i.DueDate >= today ? (int)AgeingBand.NotDue
                : i.DueDate >= due30 ? (int)AgeingBand.Days1To30
                : i.DueDate >= due60 ? (int)AgeingBand.Days31To60
                : i.DueDate >= due90 ? (int)AgeingBand.Days61To90
                : (int)AgeingBand.Over90Days)
            .Select(g => new { Band = (AgeingBand)g.Key, Count = g.Count(), Cents = g.Sum(i => i.OpenCents) })
            .ToListAsync(cancellationToken);

        return Enum.GetValues<AgeingBand>()
            .Select(band => totals.FirstOrDefault(t => t.Band == band) is { } total
                ? new AgeingBucket(band, total.Count, total.Cents)
                : new AgeingBucket(band, 0, 0))
            .ToList();
    }

    private async Task<IReadOnlyList<OverdueInvoiceRow>> LoadOverdueInvoicesAsync(DateOnly today, CancellationToken cancellationToken)
    {
        return await db.Invoices.AsNoTracking()
            .Where(i => i.OpenCents > 0 && i.DueDate < today)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.InvoiceNumber)
            .Take(ListLimit)
            .Select(i => new OverdueInvoiceRow(
                i.Debtor!.DebtorNumber,
                i.Debtor.Name,
                i.InvoiceNumber,
                i.DueDate,
                today.DayNumber - i.DueDate.DayNumber,
                i.OpenCents,
                i.DunningLevel))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Sorts by id, which follows the order of queuing, because SQLite stores the creation timestamp as a converted number.</summary>
    private async Task<IReadOnlyList<OutboxRow>> LoadLatestMessagesAsync(CancellationToken cancellationToken)
    {
        return await (
                from message in db.Outbox.AsNoTracking()
                join debtor in db.Debtors on message.DebtorId equals debtor.Id
                orderby message.Id descending
                select new OutboxRow(message.BusinessDate, message.Channel, debtor.DebtorNumber, message.Step, message.Status, message.PaymentLink))
            .Take(OutboxLimit)
            .ToListAsync(cancellationToken);
    }
}

/// <summary>An ageing band. The page lists the bands in member order.</summary>
public enum AgeingBand
{
    NotDue,
    Days1To30,
    Days31To60,
    Days61To90,
    Over90Days,
}

public sealed record AgeingBucket(AgeingBand Band, int InvoiceCount, long OpenCents)
{
    public bool IsOverdue => Band != AgeingBand.NotDue;
}

public sealed record OverdueInvoiceRow(
    string DebtorNumber,
    string DebtorName,
    string InvoiceNumber,
    DateOnly DueDate,
    int DaysPastDue,
    long OpenCents,
    int DunningLevel);

public sealed record OutboxRow(DateOnly BusinessDate, MessageChannel Channel, string DebtorNumber, string Step, MessageStatus Status, string? PaymentLink);

public sealed record BankEntryRow(DateOnly? BookingDate, long AmountCents, string? CounterpartyName, string? Description);

public sealed record WorkItemRow(DateOnly CreatedOn, string Queue, string? DebtorNumber, string Description)
{
    /// <summary>The deadline of a task that has one, such as a balance statement; null otherwise.</summary>
    public DateOnly? DueOn { get; init; }
}
