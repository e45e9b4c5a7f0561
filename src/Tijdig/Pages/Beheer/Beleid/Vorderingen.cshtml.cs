using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tijdig.Data;
using Tijdig.Domain.Collections;
using Tijdig.Dunning.Claims;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>Claims handed to collection agencies, newest first, with what each agency has collected and a recall button.</summary>
public sealed class VorderingenModel(TijdigDbContext db, RecallClaim recall, BusinessCalendar calendar, IStringLocalizer<PolicyTexts> texts) : PageModel
{
    public IReadOnlyList<ClaimRow> Claims { get; private set; } = [];

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = await db.AgencyClaims.AsNoTracking()
            .Join(db.Debtors, c => c.DebtorId, d => d.Id, (c, d) => new { Claim = c, d.DebtorNumber, d.Name })
            .OrderByDescending(r => r.Claim.CreatedOn)
            .ThenByDescending(r => r.Claim.Id)
            .Take(500)
            .ToListAsync(ct);
        Claims = rows.Select(r => new ClaimRow(
                r.Claim.Id, r.DebtorNumber, r.Name, r.Claim.Agency, r.Claim.InvoiceNumbers, r.Claim.PrincipalCents,
                r.Claim.CollectionCostsCents + r.Claim.CollectionCostsVatCents, r.Claim.InterestCents, r.Claim.InterestCharged,
                r.Claim.StatutoryLetterSentOn, r.Claim.CreatedOn, r.Claim.Status, r.Claim.AgencyCollectedCents))
            .ToList();
    }

    public async Task<IActionResult> OnPostRecallAsync(long id, CancellationToken ct)
    {
        try
        {
            await recall.RunAsync(id, "Teruggetrokken in het beheer", calendar.Today, ct);
            Confirmation = texts["Claims_Recalled", id];
        }
        catch (UsageException exception)
        {
            Confirmation = exception.Message;
        }

        return RedirectToPage();
    }
}

public sealed record ClaimRow(
    long Id,
    string DebtorNumber,
    string Name,
    string Agency,
    string InvoiceNumbers,
    long PrincipalCents,
    long CostsCents,
    long InterestCents,
    bool InterestCharged,
    DateOnly? LetterSentOn,
    DateOnly CreatedOn,
    ClaimStatus Status,
    long CollectedCents)
{
    public bool CanRecall => Status is ClaimStatus.Created or ClaimStatus.Submitted or ClaimStatus.InProgress;
}
