using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tijdig.Data;
using Tijdig.Domain.Ledger;
using Tijdig.Resources;

namespace Tijdig.Pages.Beheer.Tikkie;

/// <summary>One overpaid Tikkie payment with credit left.</summary>
public sealed record CreditRow(long PaymentId, string DebtorNumber, string DebtorName, DateOnly PaidOn, long AmountCents, long CreditCents);

/// <summary>The credit team's list of Tikkie credits, each with a form that refunds it through Tikkie.</summary>
public sealed class TerugbetalenModel(TijdigDbContext db, RefundCredit refundCredit, IStringLocalizer<Texts> texts) : PageModel
{
    public const int ListLimit = 100;

    public IReadOnlyList<CreditRow> Credits { get; private set; } = [];

    public string? Confirmation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>Refunds <paramref name="amount"/> euro (as typed, with comma or dot) of the credit of payment <paramref name="paymentId"/>.</summary>
    public async Task<IActionResult> OnPostAsync(long paymentId, string? amount, CancellationToken ct)
    {
        if (!TryParseCents(amount, out var cents))
        {
            ModelState.AddModelError("", texts["Refund_AmountInvalid"]);
            await LoadAsync(ct);
            return Page();
        }

        var result = await refundCredit.RunAsync(paymentId, cents, ct);
        switch (result.Failure)
        {
            case RefundCreditFailure.None:
                Confirmation = texts["Refund_Done", Display.Amount(cents)];
                break;
            case RefundCreditFailure.AmountInvalid:
                ModelState.AddModelError("", texts["Refund_AmountInvalid"]);
                break;
            case RefundCreditFailure.NoCredit:
                ModelState.AddModelError("", texts["Refund_NotFound"]);
                break;
            case RefundCreditFailure.RejectedByTikkie:
                ModelState.AddModelError("", texts["Refund_Failed", result.TikkieCode ?? "?"]);
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.Payments.AsNoTracking()
            .Where(p => p.Source == PaymentSource.Tikkie && p.UnallocatedCents > 0 && p.DebtorId != null)
            .OrderBy(p => p.BookingDate)
            .ThenBy(p => p.Id)
            .Take(ListLimit)
            .Join(db.Debtors, p => p.DebtorId, d => d.Id, (p, d) => new { p.Id, d.DebtorNumber, d.Name, p.BookingDate, p.AmountCents, p.UnallocatedCents })
            .ToListAsync(ct);
        Credits = rows.Select(r => new CreditRow(r.Id, r.DebtorNumber, r.Name, r.BookingDate, r.AmountCents, r.UnallocatedCents)).ToList();
    }

    /// <summary>Reads "12,50", "12.50" or "12" as cents; at most two decimals.</summary>
    public static bool TryParseCents(string? text, out long cents)
    {
        cents = 0;
        var normalised = text?.Trim().Replace(',', '.');
        if (string.IsNullOrEmpty(normalised)
            || !decimal.TryParse(normalised, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var euros)
            || decimal.Round(euros, 2) != euros)
        {
            return false;
        }

        cents = (long)(euros * 100);
        return cents > 0;
    }
}
