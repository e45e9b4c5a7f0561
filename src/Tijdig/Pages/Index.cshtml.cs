using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tijdig.Arrangements;
using Tijdig.Resources;

namespace Tijdig.Pages;

/// <summary>
/// The parents' portal: request a payment arrangement or a Tikkie for the open balance. Every
/// valid request gets the same response whether or not the debtor number exists, so the form
/// cannot be used to find out who is a customer.
/// </summary>
public sealed class IndexModel(IStringLocalizer<Texts> texts) : PageModel
{
    public const int MinimumInstalments = 2;

    public const int MaximumInstalments = 12;

    public ArrangementForm Arrangement { get; set; } = new();

    public BalanceRequestForm Balance { get; set; } = new();

    /// <summary>The neutral response to the last valid request, or null before one.</summary>
    public string? ArrangementConfirmation { get; private set; }

    public string? BalanceConfirmation { get; private set; }

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

        // Booking happens in the background, so a known and an unknown number get the same answer
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

        // TODO(portal): create a Tikkie for the open balance of a known debtor and send it by SMS,
        // taking as long for an unknown number as for a known one.
        BalanceConfirmation = texts["Portal_BalanceRequestReceived"];
        Balance = new BalanceRequestForm();
        return Page();
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
