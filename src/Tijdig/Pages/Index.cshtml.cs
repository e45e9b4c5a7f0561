using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tijdig.Arrangements;
using Tijdig.Payments.Portal;
using Tijdig.Resources;

namespace Tijdig.Pages;

/// <summary>
/// The parents' portal: request a payment arrangement, a Tikkie for the open balance or an open
/// Tikkie. Every valid request gets the same response whether or not the debtor number exists, so
/// the form cannot be used to find out who is a customer. Tikkie requests are handled in the
/// background, so the response also takes the same time.
/// </summary>
public sealed class IndexModel(IStringLocalizer<Texts> texts, PortalTikkieQueue tikkieQueue, PortalTikkieLimits tikkieLimits) : PageModel
{
    public const int MinimumInstalments = 2;

    public const int MaximumInstalments = 12;

    public ArrangementForm Arrangement { get; set; } = new();

    public BalanceRequestForm Balance { get; set; } = new();

    public BalanceRequestForm OpenTikkie { get; set; } = new();

    /// <summary>The neutral response to the last valid request, or null before one.</summary>
    public string? ArrangementConfirmation { get; private set; }

    public string? BalanceConfirmation { get; private set; }

    public string? OpenTikkieConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPostArrangement(
        [Bind(Prefix = nameof(Arrangement))] ArrangementForm arrangement,
        [FromServices] ArrangementRequestQueue queue)
    {
        Arrangement = arrangement;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Arrangement requests have their own budget per address, so that one address cannot try
        // debtor numbers one after another to book arrangements.
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!tikkieLimits.TryAcquireForIp("arrangement:" + ip))
        {
            return TooManyRequests();
        }

        // Booking happens in the background, so a known and an unknown number get the same response
        // in the same time; the confirmation goes only to contact details already on file.
        queue.TryEnqueue(new ArrangementRequest(arrangement.DebtorNumber!, arrangement.Instalments));
        ArrangementConfirmation = texts["Portal_ArrangementReceived", arrangement.Instalments];
        Arrangement = new ArrangementForm();
        return Page();
    }

    public IActionResult OnPostBalance([Bind(Prefix = nameof(Balance))] BalanceRequestForm balance)
    {
        Balance = balance;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!TryQueueTikkie(balance.DebtorNumber!, openAmount: false))
        {
            return TooManyRequests();
        }

        BalanceConfirmation = texts["Portal_BalanceRequestReceived"];
        Balance = new BalanceRequestForm();
        return Page();
    }

    public IActionResult OnPostOpenTikkie([Bind(Prefix = nameof(OpenTikkie))] BalanceRequestForm openTikkie)
    {
        OpenTikkie = openTikkie;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (!TryQueueTikkie(openTikkie.DebtorNumber!, openAmount: true))
        {
            return TooManyRequests();
        }

        OpenTikkieConfirmation = texts["Portal_OpenTikkieRequestReceived"];
        OpenTikkie = new BalanceRequestForm();
        return Page();
    }

    /// <summary>
    /// Queues the request unless this IP address asked too often. A debtor number asked for too
    /// often gets the neutral answer without a Tikkie, for known and unknown numbers alike.
    /// </summary>
    private bool TryQueueTikkie(string debtorNumber, bool openAmount)
    {
        var ip = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!tikkieLimits.TryAcquireForIp(ip))
        {
            return false;
        }

        var number = debtorNumber.Trim();
        if (tikkieLimits.TryAcquireForDebtor(number))
        {
            tikkieQueue.Enqueue(new PortalTikkieRequest(number, openAmount));
        }

        return true;
    }

    private PageResult TooManyRequests()
    {
        ModelState.AddModelError("", texts["Portal_TooManyRequests"]);
        var page = Page();
        page.StatusCode = StatusCodes.Status429TooManyRequests;
        return page;
    }
}

/// <summary>
/// Validation checks only the form of the input and never whether the debtor exists.
/// Error messages and display names are keys into the texts.
/// </summary>
public sealed class ArrangementForm
{
    [Display(Name = "Form_DebtorNumber")]
    [Required(ErrorMessage = "Validation_DebtorNumberRequired")]
    [RegularExpression(DebtorNumberInput.Pattern, ErrorMessage = "Validation_DebtorNumberFormat")]
    public string? DebtorNumber { get; set; }

    [Display(Name = "Form_Instalments")]
    [Range(IndexModel.MinimumInstalments, IndexModel.MaximumInstalments, ErrorMessage = "Validation_InstalmentsRange")]
    public int Instalments { get; set; } = 3;
}

public sealed class BalanceRequestForm
{
    [Display(Name = "Form_DebtorNumber")]
    [Required(ErrorMessage = "Validation_DebtorNumberRequired")]
    [RegularExpression(DebtorNumberInput.Pattern, ErrorMessage = "Validation_DebtorNumberFormat")]
    public string? DebtorNumber { get; set; }
}

public static class DebtorNumberInput
{
    /// <summary>Letters, digits, dots and dashes, at most 35 (the database column length), with spaces around allowed.</summary>
    public const string Pattern = @"^\s*[A-Za-z0-9.-]{1,35}\s*$";
}
