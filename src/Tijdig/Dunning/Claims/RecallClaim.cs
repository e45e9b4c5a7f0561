using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Collections;

namespace Tijdig.Dunning.Claims;

/// <summary>
/// Recalls a claim from its agency (a dispute, a moratorium, a payment the agency has not seen). The
/// claim keeps its amounts for the audit trail; a recalled claim no longer blocks a new one.
/// </summary>
public sealed class RecallClaim(TijdigDbContext db, ILogger<RecallClaim> logger)
{
    public async Task<AgencyClaim> RunAsync(long claimId, string reason, DateOnly date, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("Een terugroeping heeft een reden nodig (--reason) (a recall needs a reason).");
        }

        var claim = await db.AgencyClaims.FirstOrDefaultAsync(c => c.Id == claimId, ct)
            ?? throw new UsageException($"Vordering {claimId} niet gevonden (claim not found).");
        if (claim.Status is ClaimStatus.Paid or ClaimStatus.Closed or ClaimStatus.Recalled)
        {
            throw new UsageException($"Vordering {claimId} heeft status {claim.Status} en kan niet worden teruggeroepen (claim cannot be recalled).");
        }

        claim.Status = ClaimStatus.Recalled;
        claim.StatusChangedOn = date;
        claim.RecalledOn = date;
        claim.RecallReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Recalled claim {ClaimId} from agency {Agency}", claim.Id, claim.Agency);
        return claim;
    }
}
