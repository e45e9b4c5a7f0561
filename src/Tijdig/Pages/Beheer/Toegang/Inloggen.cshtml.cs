using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tijdig.Access;

namespace Tijdig.Pages.Beheer.Toegang;

/// <summary>The credit team's sign-in page. After signing in it returns to the back-office page that asked for it.</summary>
public sealed class InloggenModel(BackOfficeUsers users, IStringLocalizer<AccessTexts> texts) : PageModel
{
    [BindProperty]
    public SignInForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = BackOfficeSignIn.ReturnUrlParameter)]
    public string? ReturnUrl { get; set; }

    public bool HasUsers { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        HasUsers = await users.AnyAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        HasUsers = await users.AnyAsync(ct);
        if (string.IsNullOrWhiteSpace(Input.UserName) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, texts["SignIn_BothRequired"]);
            return Page();
        }

        var result = await users.SignInAsync(Input.UserName!, Input.Password!, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                await HttpContext.SignInAsync(BackOfficeSignIn.Scheme, BackOfficeSignIn.CreatePrincipal(result.User!));
                return LocalRedirect(SafeReturnUrl());

            case SignInOutcome.LockedOut:
                var until = result.LockedUntil!.Value.ToString("HH:mm", CultureInfo.InvariantCulture);
                ModelState.AddModelError(string.Empty, texts["SignIn_LockedOut", until]);
                return Page();

            default:
                ModelState.AddModelError(string.Empty, texts["SignIn_Wrong"]);
                return Page();
        }
    }

    /// <summary>Only a back-office path on this site, so the sign-in page cannot be used to send someone elsewhere.</summary>
    private string SafeReturnUrl() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith("/beheer", StringComparison.OrdinalIgnoreCase)
            ? url
            : "/beheer";

    public sealed class SignInForm
    {
        // Nullable, so that the framework adds no English "field is required" message of its own.
        public string? UserName { get; set; }

        public string? Password { get; set; }
    }
}
