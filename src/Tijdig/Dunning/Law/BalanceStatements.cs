using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Law;

namespace Tijdig.Dunning.Law;

/// <summary>
/// A balance statement request: the work item that tracks its deadline, and the stored PDF with its
/// SHA-256 (<see cref="PdfPath"/> is relative to the data directory; both are null before the PDF is written).
/// </summary>
public sealed record BalanceStatementTask(long WorkItemId, string DebtorNumber, string Name, DateOnly RequestedOn, DateOnly DueOn, DateOnly? DeliveredOn, string? PdfPath = null, string? Sha256 = null)
{
    public bool IsOverdue(DateOnly today) => DeliveredOn is null && DueOn < today;
}

/// <summary>
/// Balance statements for the debt-settlement scheme of the childcare-benefits scandal. The scheme
/// gives the creditor two weeks, so each request opens a work item in the queue "balance-statement"
/// due 14 calendar days after the request date, and stores the statement as a PDF to deliver to the
/// scheme. Marking the statement delivered resolves the item.
/// </summary>
public sealed class BalanceStatements(TijdigDbContext db, DunningEngine engine, BalanceStatementDocuments documents)
{
    public const string Queue = "balance-statement";

    private static readonly ClaimStatus[] ChargedStatuses = [ClaimStatus.Created, ClaimStatus.Submitted, ClaimStatus.InProgress];

    /// <summary>
    /// Builds the statement for <paramref name="debtorNumber"/> on <paramref name="requestedOn"/>, opens its
    /// deadline task and stores its PDF. A second request for the same debtor on the same day returns the
    /// task already open and keeps the PDF written first.
    /// </summary>
    public async Task<(BalanceStatementTask Task, BalanceStatement Statement)> RequestAsync(string debtorNumber, DateOnly requestedOn, CancellationToken ct)
    {
        var debtor = await db.Debtors.AsNoTracking().FirstOrDefaultAsync(d => d.DebtorNumber == debtorNumber.Trim(), ct)
            ?? throw new UsageException($"Debiteur '{debtorNumber}' niet gevonden: controleer het debiteurnummer (debtor not found).");
        var statement = await BuildAsync(debtor.Id, debtor.DebtorNumber, requestedOn, ct);

        var key = string.Create(CultureInfo.InvariantCulture, $"balance-statement:{debtor.Id}:{requestedOn:yyyy-MM-dd}");
        var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Key == key, ct);
        if (item is null)
        {
            item = new WorkItem
            {
                Queue = Queue,
                DebtorId = debtor.Id,
                Key = key,
                CreatedOn = requestedOn,
                DueOn = statement.AnswerBy,
                Description = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Saldo-opgave voor de schuldenaanpak toeslagenaffaire aanleveren uiterlijk {statement.AnswerBy.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("nl-NL"))} (totaal {Domain.Money.Format(statement.TotalCents)})."),
            };
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(ct);
        }

        // The file name carries the work item's id, so the PDF is written after the item has one.
        if (await documents.EnsureAsync(item, debtor, statement, ct))
        {
            await db.SaveChangesAsync(ct);
        }

        return (ToTask(item, debtor.DebtorNumber, debtor.Name), statement);
    }

    /// <summary>
    /// Returns the stored PDF of work item <paramref name="workItemId"/>. A request from before PDFs were
    /// stored, or whose file went missing, gets its PDF written now, dated on the request date.
    /// </summary>
    public async Task<(string FileName, byte[] Content)> ReadPdfAsync(long workItemId, CancellationToken ct)
    {
        var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == workItemId && w.Queue == Queue, ct)
            ?? throw new UsageException($"Saldo-opgave {workItemId} niet gevonden (balance statement not found).");
        var debtor = await db.Debtors.AsNoTracking().SingleAsync(d => d.Id == item.DebtorId, ct);

        if (!File.Exists(documents.FullPath(item)) || BalanceStatementDocuments.RecordedHash(item.Description) is null)
        {
            var statement = await BuildAsync(debtor.Id, debtor.DebtorNumber, item.CreatedOn, ct);
            await documents.EnsureAsync(item, debtor, statement, ct);
            await db.SaveChangesAsync(ct);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"saldo-opgave-{debtor.DebtorNumber}-{item.CreatedOn:yyyy-MM-dd}.pdf");
        return (fileName, await File.ReadAllBytesAsync(documents.FullPath(item), ct));
    }

    /// <summary>Marks the statement of work item <paramref name="workItemId"/> delivered on <paramref name="deliveredOn"/>, which resolves the item.</summary>
    public async Task<BalanceStatementTask> MarkDeliveredAsync(long workItemId, DateOnly deliveredOn, CancellationToken ct)
    {
        var item = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == workItemId && w.Queue == Queue, ct)
            ?? throw new UsageException($"Saldo-opgave {workItemId} niet gevonden (balance statement not found).");
        item.ResolvedOn ??= deliveredOn;
        await db.SaveChangesAsync(ct);

        var debtor = await db.Debtors.AsNoTracking().SingleAsync(d => d.Id == item.DebtorId, ct);
        return ToTask(item, debtor.DebtorNumber, debtor.Name);
    }

    /// <summary>
    /// Lists the open requests, earliest deadline first, then (unless <paramref name="openOnly"/>) those
    /// delivered, newest first.
    /// </summary>
    public async Task<IReadOnlyList<BalanceStatementTask>> ListAsync(int limit, bool openOnly, CancellationToken ct)
    {
        var rows = await db.WorkItems.AsNoTracking()
            .Where(w => w.Queue == Queue && (!openOnly || w.ResolvedOn == null))
            .Join(db.Debtors, w => w.DebtorId, d => d.Id, (w, d) => new { Item = w, d.DebtorNumber, d.Name })
            .ToListAsync(ct);
        return rows
            .Select(r => ToTask(r.Item, r.DebtorNumber, r.Name))
            .OrderBy(t => t.DeliveredOn is not null)
            .ThenBy(t => t.DeliveredOn is null ? t.DueOn.DayNumber : -t.DeliveredOn.Value.DayNumber)
            .ThenBy(t => t.WorkItemId)
            .Take(limit)
            .ToList();
    }

    /// <summary>
    /// Builds the statement from the debtor's open invoices, with statutory interest from the policy's rate
    /// table and the collection costs of claims still with an agency (costs only announced are not owed).
    /// </summary>
    public async Task<BalanceStatement> BuildAsync(long debtorId, string debtorNumber, DateOnly requestedOn, CancellationToken ct)
    {
        var invoices = await db.Invoices.AsNoTracking()
            .Where(i => i.DebtorId == debtorId && i.OpenCents > 0)
            .Select(i => new { i.InvoiceNumber, i.IssueDate, i.DueDate, i.OpenCents })
            .ToListAsync(ct);
        var costs = await db.AgencyClaims.AsNoTracking()
            .Where(c => c.DebtorId == debtorId && ChargedStatuses.Contains(c.Status))
            .SumAsync(c => c.CollectionCostsCents + c.CollectionCostsVatCents, ct);

        return BalanceStatement.Build(
            debtorNumber,
            requestedOn,
            invoices.Select(i => (i.InvoiceNumber, i.IssueDate, i.DueDate, i.OpenCents)),
            costs,
            engine.PolicyOn(requestedOn).InterestRates);
    }

    private static BalanceStatementTask ToTask(WorkItem item, string debtorNumber, string name)
    {
        var hash = BalanceStatementDocuments.RecordedHash(item.Description);
        return new(
            item.Id,
            debtorNumber,
            name,
            item.CreatedOn,
            item.DueOn ?? item.CreatedOn.AddDays(14),
            item.ResolvedOn,
            hash is null ? null : BalanceStatementDocuments.RelativePath(item),
            hash);
    }
}
