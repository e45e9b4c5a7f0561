using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tijdig.Domain.Dunning;
using Tijdig.Dunning.Replay;
using Tijdig.Hosting;

namespace Tijdig.Pages.Beheer.Beleid;

/// <summary>
/// What-if replay: the active policy and a candidate (a stored version or pasted JSON) over the last
/// months of the ledger, side by side, with the estimated paid rates and their observation counts.
/// </summary>
public sealed class ReplayModel(RunPolicyReplay replay, IReadOnlyList<DunningPolicy> versions, BusinessCalendar calendar) : PageModel
{
    public IReadOnlyList<string> Versions { get; } = versions.Select(v => v.Version).ToList();

    [BindProperty]
    public ReplayInput Input { get; set; } = new();

    public PolicyReplayReport? Report { get; private set; }

    public void OnGet()
    {
        Input = new ReplayInput { CandidateVersion = Versions[^1] };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        try
        {
            var candidate = string.IsNullOrWhiteSpace(Input.CandidateJson)
                ? versions.FirstOrDefault(v => v.Version == Input.CandidateVersion) ?? throw new UsageException($"Beleidsversie '{Input.CandidateVersion}' bestaat niet.")
                : CandidatePolicy.Parse(Input.CandidateJson);
            Report = await replay.RunAsync(candidate, new ReplayOptions(calendar.Today, Input.Months, Input.Seed), ct);
        }
        catch (UsageException exception)
        {
            ModelState.AddModelError(string.Empty, exception.Message);
        }

        return Page();
    }
}

public sealed class ReplayInput
{
    public string? CandidateVersion { get; set; }

    /// <summary>A pasted policy version; when filled it is used instead of <see cref="CandidateVersion"/>.</summary>
    public string? CandidateJson { get; set; }

    [Range(1, 60, ErrorMessage = "Validation_MonthsRange")]
    public int Months { get; set; } = 6;

    [Range(0, int.MaxValue, ErrorMessage = "Validation_SeedRange")]
    public int Seed { get; set; } = 1;
}
