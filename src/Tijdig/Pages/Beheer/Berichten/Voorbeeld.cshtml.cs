using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tijdig.Outbox;

namespace Tijdig.Pages.Beheer.Berichten;

/// <summary>The template in use for one step, channel and language, rendered for the sample debtor.</summary>
public sealed class VoorbeeldModel(TemplateStore store) : PageModel
{
    public TemplateKey Key { get; private set; } = null!;

    /// <summary>The saved version shown; null while the built-in default is in use.</summary>
    public int? Version { get; private set; }

    public TemplatePreview Preview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? step, string? channel, string? language, CancellationToken ct)
    {
        if (TemplateKey.Parse(step, channel, language) is not { } key)
        {
            return NotFound();
        }

        Key = key;
        var current = await store.CurrentAsync(key.Step, key.Channel, key.Language, ct);
        Version = current?.Version;
        var source = current?.Source ?? await store.CurrentSourceAsync(key.Step, key.Channel, key.Language, ct);
        Preview = TemplatePreview.Render(store, key, source);
        return Page();
    }
}
