using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Arrangements;
using Tijdig.Data;
using Tijdig.Domain.Arrangements;
using Tijdig.Hosting;
using Tijdig.Messaging.Links;
using Tijdig.Outbox;

namespace Tijdig.Pages;

/// <summary>
/// The page behind the signed link in every dunning e-mail. The signature proves the visitor
/// received our e-mail, so this page may show the balance and book the arrangement on the spot.
/// Without a valid link it shows no data at all and points to the portal form.
/// </summary>
public sealed class BetalingsregelingModel(
    TijdigDbContext db,
    ArrangementLinks links,
    BookArrangement booking,
    ParallelOutboxDispatcher dispatcher,
    IOptions<ArrangementSettings> settings,
    BusinessCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "d")]
    public string? DebtorNumber { get; set; }

    [BindProperty(SupportsGet = true, Name = "e")]
    public string? Expiry { get; set; }

    [BindProperty(SupportsGet = true, Name = "sig")]
    public string? Signature { get; set; }

    [BindProperty]
    public int Instalments { get; set; } = 3;

    public bool LinkValid { get; private set; }

    public string? DebtorName { get; private set; }

    public long OpenCents { get; private set; }

    public PaymentArrangement? Arrangement { get; private set; }

    public bool JustBooked { get; private set; }

    public ArrangementOutcome? Refused { get; private set; }

    public int MinimumInstalments => settings.Value.MinimumInstalments;

    public int MaximumInstalments => settings.Value.MaximumInstalments;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        if (Arrangement is not null)
        {
            return Page();
        }

        var result = await booking.RunAsync(DebtorNumber!, Instalments, "e-mail-link", ct);
        if (result.Outcome != ArrangementOutcome.Booked)
        {
            Refused = result.Outcome;
            return Page();
        }

        await dispatcher.DispatchDebtorAsync(result.Arrangement!.DebtorId, ct);
        Arrangement = result.Arrangement;
        JustBooked = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var check = links.Verify(DebtorNumber, Expiry, Signature, calendar.Today);
        if (!check.IsValid)
        {
            return false;
        }

        var debtor = await db.Debtors.AsNoTracking().FirstOrDefaultAsync(d => d.DebtorNumber == check.DebtorNumber, ct);
        if (debtor is null)
        {
            return false;
        }

        LinkValid = true;
        DebtorName = debtor.Name;
        OpenCents = await db.Invoices.Where(i => i.DebtorId == debtor.Id).SumAsync(i => i.OpenCents, ct);
        Arrangement = await db.Arrangements.AsNoTracking()
            .Include(a => a.Instalments)
            .FirstOrDefaultAsync(a => a.DebtorId == debtor.Id && a.Status == ArrangementStatus.Active, ct);
        return true;
    }
}
