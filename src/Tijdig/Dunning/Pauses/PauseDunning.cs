using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Hosting;

namespace Tijdig.Dunning.Pauses;

/// <summary>
/// Grants and ends dunning pauses. Every change adds or completes a row and never deletes one, so the
/// rows are the audit trail: who paused, why, from when to when, and who ended it early.
/// </summary>
public sealed class PauseDunning(TijdigDbContext db, BusinessCalendar calendar, ILogger<PauseDunning> logger)
{
    /// <summary>The longest pause of each kind in days; a longer one needs a new decision when it runs out.</summary>
    private static readonly IReadOnlyDictionary<PauseKind, int> MaximumDays = new Dictionary<PauseKind, int>
    {
        [PauseKind.Arrangement] = 366,
        [PauseKind.Dispute] = 180,
        [PauseKind.PromiseToPay] = 31,
        [PauseKind.Hardship] = 183,
        [PauseKind.Moratorium] = 366,
        [PauseKind.Unspecified] = 90,
    };

    public async Task<DunningPause> AddAsync(string debtorNumber, PauseKind kind, string reason, DateOnly startsOn, DateOnly endsOn, string createdBy, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new UsageException("Een pauze heeft een reden nodig (--reason) (a pause needs a reason).");
        }

        // A date outside this century is a typing error or a cleared field, never a real pause.
        foreach (var date in new[] { startsOn, endsOn })
        {
            if (date.Year is < 2000 or > 2099)
            {
                throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"Datum {date:yyyy-MM-dd} ligt niet tussen 2000 en 2099: controleer de begin- en einddatum (date out of range)."));
            }
        }

        if (endsOn < startsOn)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"De einddatum {endsOn:yyyy-MM-dd} ligt voor de begindatum {startsOn:yyyy-MM-dd} (end date before start date)."));
        }

        var days = endsOn.DayNumber - startsOn.DayNumber + 1;
        if (days > MaximumDays[kind])
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"Een pauze van soort {kind} duurt hoogstens {MaximumDays[kind]} dagen; deze duurt er {days}. Maak hem korter en verleng hem later als dat nodig is (pause too long)."));
        }

        var debtorId = await db.Debtors.Where(d => d.DebtorNumber == debtorNumber).Select(d => (long?)d.Id).FirstOrDefaultAsync(ct)
            ?? throw new UsageException($"Debiteur '{debtorNumber}' niet gevonden: controleer het debiteurnummer (debtor not found).");

        var pause = new DunningPause
        {
            DebtorId = debtorId,
            Kind = kind,
            Reason = reason.Trim(),
            StartsOn = startsOn,
            EndsOn = endsOn,
            CreatedBy = createdBy,
            CreatedAt = calendar.Now,
        };
        db.DunningPauses.Add(pause);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Paused dunning for debtor {DebtorId}: {Kind} from {StartsOn} to {EndsOn}", debtorId, kind, startsOn, endsOn);
        return pause;
    }

    /// <summary>Ends a pause early: dunning resumes on <paramref name="endedOn"/>.</summary>
    public async Task<DunningPause> EndAsync(long pauseId, DateOnly endedOn, string endedBy, string reason, CancellationToken ct)
    {
        var pause = await db.DunningPauses.FirstOrDefaultAsync(p => p.Id == pauseId, ct)
            ?? throw new UsageException($"Pauze {pauseId} niet gevonden (pause not found).");
        if (pause.EndedOn is not null || pause.EndsOn < endedOn)
        {
            throw new UsageException($"Pauze {pauseId} is al beëindigd (pause already ended).");
        }

        pause.EndedOn = endedOn;
        pause.EndedBy = endedBy;
        pause.EndReason = reason.Trim();
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Ended dunning pause {PauseId} for debtor {DebtorId} on {EndedOn}", pause.Id, pause.DebtorId, endedOn);
        return pause;
    }
}
