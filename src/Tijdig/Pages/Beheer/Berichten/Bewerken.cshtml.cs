using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tijdig.Access;
using Tijdig.Outbox;
using Tijdig.Resources;

namespace Tijdig.Pages.Beheer.Berichten;

/// <summary>
/// Edits one template: shows the source in use, previews unsaved changes for the sample debtor, and
/// saves a new version. <see cref="TemplateStore.SaveAsync"/> checks the source, and the form shows
/// its Dutch errors. Saving adds a version and never changes an earlier one.
/// </summary>
public sealed class BewerkenModel(TemplateStore store, IStringLocalizer<Texts> texts) : PageModel
{
    public TemplateKey Key { get; private set; } = null!;

    /// <summary>The newest saved version; null while the built-in default is in use.</summary>
    public int? Version { get; private set; }

    /// <summary>The rendered source after "preview"; null on a plain GET.</summary>
    public TemplatePreview? Preview { get; private set; }

    [BindProperty]
    public string Source { get; set; } = "";

    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string? step, string? channel, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(step, channel, language, ct))
        {
            return NotFound();
        }

        Source = await store.CurrentSourceAsync(Key.Step, Key.Channel, Key.Language, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string? step, string? channel, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(step, channel, language, ct))
        {
            return NotFound();
        }

        Preview = TemplatePreview.Render(store, Key, Source);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? step, string? channel, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(step, channel, language, ct))
        {
            return NotFound();
        }

        var user = BackOfficeSignIn.ActorName(User);
        var result = await store.SaveAsync(Key.Step, Key.Channel, Key.Language, Source, user, ct);
        if (!result.Success)
        {
            ModelState.AddModelError(string.Empty, texts["Templates_NotSaved"]);
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(nameof(Source), error);
            }

            Preview = TemplatePreview.Render(store, Key, Source);
            return Page();
        }

        Confirmation = texts["Templates_Saved", result.Version!.Value];
        return RedirectToPage(new { step = Key.Step, channel = Key.ChannelCode, language = Key.Language });
    }

    private async Task<bool> LoadAsync(string? step, string? channel, string? language, CancellationToken ct)
    {
        if (TemplateKey.Parse(step, channel, language) is not { } key)
        {
            return false;
        }

        Key = key;
        Version = (await store.CurrentAsync(key.Step, key.Channel, key.Language, ct))?.Version;
        return true;
    }
}
