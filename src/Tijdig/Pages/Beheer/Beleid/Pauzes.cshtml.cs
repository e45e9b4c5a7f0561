using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tijdig.Access;
using Tijdig.Data;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Dunning.Pauses;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>Dunning pauses: the current and past ones with their reasons, a form to add one and a button to end one early.</summary>
public sealed class PauzesModel(TijdigDbContext db, PauseDunning pauses, BusinessCalendar calendar, IStringLocalizer<PolicyTexts> texts) : PageModel
{
    public IReadOnlyList<PauseRow> Pauses { get; private set; } = [];

    public DateOnly Today { get; private set; }

    [BindProperty]
    public NewPause Input { get; set; } = new();

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        Input = new NewPause { StartsOn = Today, EndsOn = Today.AddDays(30) };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        try
        {
            var pause = await pauses.AddAsync(Input.DebtorNumber, Input.Kind, Input.Reason, Input.StartsOn!.Value, Input.EndsOn!.Value, BackOfficeSignIn.ActorName(User), ct);
            Confirmation = texts["Pauses_Added", pause.Id];
            return RedirectToPage();
        }
        catch (UsageException exception)
        {
            ModelState.AddModelError(string.Empty, exception.Message);
            await LoadAsync(ct);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostEndAsync(long id, CancellationToken ct)
    {
        try
        {
            await pauses.EndAsync(id, calendar.Today, BackOfficeSignIn.ActorName(User), "Beëindigd in het beheer", ct);
            Confirmation = texts["Pauses_EndedNow", id];
        }
        catch (UsageException exception)
        {
            Confirmation = exception.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await db.DunningPauses.AsNoTracking()
            .Join(db.Debtors, p => p.DebtorId, d => d.Id, (p, d) => new { Pause = p, d.DebtorNumber, d.Name })
            .OrderByDescending(r => r.Pause.StartsOn)
            .ThenByDescending(r => r.Pause.Id)
            .Take(500)
            .ToListAsync(ct);
        Pauses = rows
            .Select(r => new PauseRow(r.Pause.Id, r.DebtorNumber, r.Name, r.Pause.Kind, r.Pause.Reason, r.Pause.StartsOn, r.Pause.EndsOn, r.Pause.EndedOn))
            .ToList();
    }

    public sealed class NewPause
    {
        [Required(ErrorMessage = "Validation_DebtorNumberRequired")]
        public string DebtorNumber { get; set; } = "";

        public PauseKind Kind { get; set; } = PauseKind.Arrangement;

        [Required(ErrorMessage = "Validation_ReasonRequired")]
        public string Reason { get; set; } = "";

        // Nullable, so that a cleared date field is reported by name instead of arriving as 0001-01-01.
        [Required(ErrorMessage = "Validation_StartsOnRequired")]
        public DateOnly? StartsOn { get; set; }

        [Required(ErrorMessage = "Validation_EndsOnRequired")]
        public DateOnly? EndsOn { get; set; }
    }
}

public sealed record PauseRow(long Id, string DebtorNumber, string Name, PauseKind Kind, string Reason, DateOnly StartsOn, DateOnly EndsOn, DateOnly? EndedOn)
{
    public bool IsActive(DateOnly today) => StartsOn <= today && today <= EndsOn && (EndedOn is null || EndedOn > today);
}
