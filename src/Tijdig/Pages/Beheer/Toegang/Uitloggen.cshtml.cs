using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tijdig.Access;

namespace Tijdig.Pages.Beheer.Toegang;

/// <summary>
/// Signs out, and ends the user's sessions on other devices too. Only a POST with the form token does
/// this, so a link on another site cannot sign someone out.
/// </summary>
public sealed class UitloggenModel(BackOfficeUsers users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Beheer/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (BackOfficeSignIn.UserId(User) is { } userId)
        {
            await users.EndSessionsAsync(userId, ct);
        }

        await HttpContext.SignOutAsync(BackOfficeSignIn.Scheme);
        return Redirect(BackOfficeSignIn.SignInPath);
    }
}
