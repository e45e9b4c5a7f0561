using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tijdig.Data;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Dunning.Law;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>
/// Balance statements for the toeslagenaffaire debt-settlement scheme: request one for a debtor (which
/// opens a task due in 14 days and stores its PDF), view it, download the PDF, and mark it delivered.
/// Overdue requests stand out.
/// </summary>
public sealed class SaldoOpgavenModel(BalanceStatements statements, TijdigDbContext db, BusinessCalendar calendar, IStringLocalizer<PolicyTexts> texts) : PageModel
{
    public IReadOnlyList<BalanceStatementTask> Tasks { get; private set; } = [];

    public DateOnly Today { get; private set; }

    /// <summary>The statement on display, after a request or when one is opened from the list.</summary>
    public BalanceStatement? Statement { get; private set; }

    /// <summary>The request of the statement on display, with its stored PDF and SHA-256.</summary>
    public BalanceStatementTask? StatementTask { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation_DebtorNumberRequired")]
    public string DebtorNumber { get; set; } = "";

    [TempData]
    public string? Confirmation { get; set; }

    public async Task OnGetAsync(long? id, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (id is { } workItemId && Tasks.FirstOrDefault(t => t.WorkItemId == workItemId) is { } task)
        {
            var debtorId = await db.Debtors.Where(d => d.DebtorNumber == task.DebtorNumber).Select(d => d.Id).SingleAsync(ct);
            Statement = await statements.BuildAsync(debtorId, task.DebtorNumber, task.RequestedOn, ct);
            StatementTask = task;
        }
    }

    /// <summary>The stored PDF to deliver to the scheme; a request without one gets it written now.</summary>
    public async Task<IActionResult> OnGetPdfAsync(long id, CancellationToken ct)
    {
        try
        {
            var (fileName, content) = await statements.ReadPdfAsync(id, ct);
            return File(content, "application/pdf", fileName);
        }
        catch (UsageException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostRequestAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var (task, statement) = await statements.RequestAsync(DebtorNumber, calendar.Today, ct);
                Statement = statement;
                StatementTask = task;
                Confirmation = texts["Statements_Requested", task.DebtorNumber, Display.Date(task.DueOn)];
            }
            catch (UsageException exception)
            {
                ModelState.AddModelError(nameof(DebtorNumber), exception.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeliveredAsync(long id, CancellationToken ct)
    {
        try
        {
            var task = await statements.MarkDeliveredAsync(id, calendar.Today, ct);
            Confirmation = texts["Statements_Delivered", task.DebtorNumber];
        }
        catch (UsageException exception)
        {
            Confirmation = exception.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Today = calendar.Today;
        Tasks = await statements.ListAsync(500, openOnly: false, ct);
    }
}
