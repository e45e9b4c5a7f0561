using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Resources;

namespace Tijdig.Pages.Beheer.Bank;

/// <summary>
/// The work queue of bank entries that matched nothing, each with ranked suggestions, a form to
/// assign it to a debtor (and invoice), and the credit balances that wait for a refund.
/// </summary>
public sealed class IndexModel(TijdigDbContext db, BankEntrySuggestions suggestions, AssignBankEntry assign, IStringLocalizer<Texts> texts) : PageModel
{
    /// <summary>Entries shown at once; each costs a few queries for its suggestions.</summary>
    public const int QueueLimit = 50;

    public int UnmatchedCount { get; private set; }

    public IReadOnlyList<QueueRow> Queue { get; private set; } = [];

    public IReadOnlyList<CreditBalanceRow> CreditBalances { get; private set; } = [];

    public string? StatusMessage { get; private set; }

    /// <summary>Shows the list; after an assignment (post, redirect, get) also what was booked.</summary>
    public async Task OnGetAsync(string? assigned, long? credit, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(assigned))
        {
            StatusMessage = credit > 0
                ? texts["Bank_AssignedWithCredit", assigned, Display.Amount(credit.Value)]
                : texts["Bank_Assigned", assigned];
        }

        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAssignAsync([Bind(Prefix = "Assign")] AssignForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await assign.RunAsync(form.EntryId, form.DebtorNumber!, form.InvoiceNumber, cancellationToken);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(string.Empty, texts["Bank_AssignError_" + error]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        return RedirectToPage(new { assigned = form.DebtorNumber, credit = result.UnallocatedCents });
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var unmatched = db.BankTransactions.AsNoTracking().Where(t => t.Outcome == MatchOutcome.Unmatched && t.ResolvedOn == null);
        UnmatchedCount = await unmatched.CountAsync(ct);
        var entries = await unmatched
            .OrderByDescending(t => t.BookingDate)
            .ThenBy(t => t.Id)
            .Take(QueueLimit)
            .ToListAsync(ct);

        var rows = new List<QueueRow>();
        foreach (var entry in entries)
        {
            rows.Add(new QueueRow(
                entry.Id,
                entry.BookingDate,
                entry.AmountCents,
                entry.CounterpartyName,
                entry.RemittanceInformation ?? entry.StructuredReference,
                entry.ReasonCode,
                entry.AmountCents > 0 ? await suggestions.ForAsync(entry, ct) : []));
        }

        Queue = rows;
        var balances = await db.Payments.AsNoTracking()
            .Where(p => p.UnallocatedCents > 0 && p.DebtorId != null)
            .GroupBy(p => p.DebtorId!.Value)
            .Select(g => new { DebtorId = g.Key, Cents = g.Sum(p => p.UnallocatedCents) })
            .OrderBy(g => g.DebtorId)
            .Take(QueueLimit)
            .ToListAsync(ct);
        var debtorIds = balances.Select(b => b.DebtorId).ToList();
        var debtors = await db.Debtors.AsNoTracking().Where(d => debtorIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        CreditBalances = balances
            .Select(b => new CreditBalanceRow(debtors[b.DebtorId].DebtorNumber, debtors[b.DebtorId].Name, b.Cents))
            .OrderBy(r => r.DebtorNumber, StringComparer.Ordinal)
            .ToList();
    }
}

public sealed record QueueRow(
    long Id,
    DateOnly? BookingDate,
    long AmountCents,
    string? CounterpartyName,
    string? Description,
    string? ReasonCode,
    IReadOnlyList<BankSuggestion> Suggestions);

public sealed record CreditBalanceRow(string DebtorNumber, string Name, long Cents);

/// <summary>The assign form: the entry, the debtor it belongs to, and optionally the invoice to settle first.</summary>
public sealed class AssignForm
{
    public long EntryId { get; set; }

    [Required(ErrorMessage = "Validation_DebtorNumberRequired")]
    public string? DebtorNumber { get; set; }

    public string? InvoiceNumber { get; set; }
}
