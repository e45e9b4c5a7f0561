using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Outbox;

namespace Tijdig.Pages.Beheer.Berichten;

/// <summary>The message templates per step, channel and language, with the version in use.</summary>
public sealed class IndexModel(TijdigDbContext db) : PageModel
{
    public IReadOnlyList<TemplateRow> Templates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Only the version columns: the sources are not needed for the list.
        var versions = await db.MessageTemplates.AsNoTracking()
            .Select(t => new { t.Step, t.Channel, t.Language, t.Version, t.CreatedAt, t.CreatedBy })
            .ToListAsync(ct);
        var newest = versions
            .GroupBy(t => (t.Step, t.Channel, t.Language))
            .ToDictionary(g => g.Key, g => g.MaxBy(t => t.Version)!);

        Templates = TemplateKey.All()
            .Select(key => newest.TryGetValue((key.Step, TemplateStore.ToDomain(key.Channel), key.Language), out var current)
                ? new TemplateRow(key, current.Version, current.CreatedAt, current.CreatedBy)
                : new TemplateRow(key, null, null, null))
            .ToList();
    }
}

/// <summary>One template slot in the list; <see cref="Version"/> is null while the built-in default is in use.</summary>
public sealed record TemplateRow(TemplateKey Key, int? Version, DateTimeOffset? SavedAt, string? SavedBy);
