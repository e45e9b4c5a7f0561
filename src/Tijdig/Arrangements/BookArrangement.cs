using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Arrangements;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Messaging;
using Tijdig.Hosting;

namespace Tijdig.Arrangements;

public enum ArrangementOutcome
{
    Booked,
    UnknownDebtor,
    NothingOpen,
    BalanceTooLow,
    AlreadyActive,
    WithAgency,
    InvalidInstalmentCount,
}

public sealed record ArrangementResult(ArrangementOutcome Outcome, PaymentArrangement? Arrangement = null);

/// <summary>
/// Books a payment arrangement at once, as the portal's "robot" does: the debtor's whole open
/// balance in equal monthly instalments, dunning paused until the last instalment is due, and a
/// confirmation queued to the contact details on file. Cases a person must judge (a claim at an
/// agency, an arrangement already running) are not booked; the caller decides what to tell whom.
/// </summary>
public sealed class BookArrangement(
    TijdigDbContext db,
    IOptions<ArrangementSettings> settings,
    BusinessCalendar calendar,
    ILogger<BookArrangement> logger)
{
    public const string PauseReason = "betalingsregeling";

    public async Task<ArrangementResult> RunAsync(string debtorNumber, int instalmentCount, string channel, CancellationToken ct)
    {
        var rules = settings.Value;
        if (instalmentCount < rules.MinimumInstalments || instalmentCount > rules.MaximumInstalments)
        {
            return new ArrangementResult(ArrangementOutcome.InvalidInstalmentCount);
        }

        var debtor = await db.Debtors.FirstOrDefaultAsync(d => d.DebtorNumber == debtorNumber.Trim(), ct);
        if (debtor is null)
        {
            return new ArrangementResult(ArrangementOutcome.UnknownDebtor);
        }

        if (await db.Arrangements.AnyAsync(a => a.DebtorId == debtor.Id && a.Status == ArrangementStatus.Active, ct))
        {
            return new ArrangementResult(ArrangementOutcome.AlreadyActive);
        }

        if (await db.AgencyClaims.AnyAsync(c => c.DebtorId == debtor.Id && (c.Status == ClaimStatus.Created || c.Status == ClaimStatus.Submitted), ct))
        {
            return new ArrangementResult(ArrangementOutcome.WithAgency);
        }

        var open = await db.Invoices.Where(i => i.DebtorId == debtor.Id && i.OpenCents > 0).OrderBy(i => i.DueDate).ToListAsync(ct);
        var total = open.Sum(i => i.OpenCents);
        if (total == 0)
        {
            return new ArrangementResult(ArrangementOutcome.NothingOpen);
        }

        if (total < rules.MinimumBalanceCents)
        {
            return new ArrangementResult(ArrangementOutcome.BalanceTooLow);
        }

        var today = calendar.Today;
        var arrangement = new PaymentArrangement
        {
            DebtorId = debtor.Id,
            BookedOn = today,
            TotalCents = total,
            InvoiceNumbers = string.Join(",", open.Select(i => i.InvoiceNumber)),
            Status = ArrangementStatus.Active,
            Channel = channel,
            Instalments = [.. InstalmentPlan.Split(total, instalmentCount, today.AddDays(rules.DaysToFirstInstalment))],
        };

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Arrangements.Add(arrangement);
        var lastDue = arrangement.Instalments.Max(i => i.DueDate);
        debtor.DunningPausedUntil = lastDue.AddDays(rules.MissedInstalmentGraceDays);
        debtor.PauseReason = PauseReason;
        await db.SaveChangesAsync(ct);

        var messageChannel = debtor.Email is not null ? MessageChannel.Email : MessageChannel.Sms;
        var reason = string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"betalingsregeling in {instalmentCount} termijnen aangevraagd via {channel}.");
        ArrangementMessages.Queue(db, arrangement, "arrangement-confirmation", messageChannel, today, total, ":" + arrangement.Id.ToString(CultureInfo.InvariantCulture), null, reason, calendar.Now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        logger.LogInformation("Booked payment arrangement {ArrangementId} with {Instalments} instalments", arrangement.Id, instalmentCount);
        return new ArrangementResult(ArrangementOutcome.Booked, arrangement);
    }
}
