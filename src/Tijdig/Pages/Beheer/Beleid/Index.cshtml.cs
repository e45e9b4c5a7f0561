using Microsoft.AspNetCore.Mvc.RazorPages;
using Tijdig.Domain.Dunning;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>The dunning policy in force today, read from configuration, so the credit team can explain every step.</summary>
public sealed class IndexModel(DunningEngine engine, BusinessCalendar calendar) : PageModel
{
    public DunningPolicy Policy { get; private set; } = null!;

    public void OnGet()
    {
        Policy = engine.PolicyOn(calendar.Today);
    }
}
