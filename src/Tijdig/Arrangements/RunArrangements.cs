using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tijdig.Data;
using Tijdig.Domain.Arrangements;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;
using Tijdig.Dunning;
using Tijdig.Hosting;

namespace Tijdig.Arrangements;

public sealed record ArrangementRunResult(int Reminders, int Completed, int Broken);

/// <summary>
/// The arrangements' part of the daily job: an SMS Tikkie a few days before each instalment,
/// completion when the covered invoices are paid, and a broken arrangement (dunning resumes, a
/// person is told) when an instalment stays unpaid past its grace period. Progress is read from
/// the covered invoices, so a payment by bank transfer counts as much as one by Tikkie.
/// </summary>
public sealed class RunArrangements(
    TijdigDbContext db,
    IOptions<ArrangementSettings> settings,
    DunningPolicy policy,
    BusinessCalendar calendar)
{
    public async Task<ArrangementRunResult> RunAsync(DateOnly date, CancellationToken ct)
    {
        var rules = settings.Value;
        var active = await db.Arrangements.Include(a => a.Instalments).Where(a => a.Status == ArrangementStatus.Active).ToListAsync(ct);
        int reminders = 0, completed = 0, broken = 0;

        foreach (var arrangement in active)
        {
            var numbers = arrangement.InvoiceNumbers.Split(',', StringSplitOptions.RemoveEmptyEntries);
            var open = await db.Invoices.Where(i => numbers.Contains(i.InvoiceNumber)).SumAsync(i => i.OpenCents, ct);
            var paid = Math.Max(0, arrangement.TotalCents - open);
            var debtor = await db.Debtors.FirstAsync(d => d.Id == arrangement.DebtorId, ct);

            if (open == 0)
            {
                End(arrangement, debtor, ArrangementStatus.Completed, date);
                completed++;
                continue;
            }

            var ordered = arrangement.Instalments.OrderBy(i => i.Number).ToList();
            var missed = ordered.FirstOrDefault(i => InstalmentPlan.Remaining(ordered, i, paid) > 0 && i.DueDate.AddDays(rules.MissedInstalmentGraceDays) < date);
            if (missed is not null)
            {
                End(arrangement, debtor, ArrangementStatus.Broken, date);
                db.WorkItems.Add(new WorkItem
                {
                    Queue = "arrangements",
                    DebtorId = debtor.Id,
                    Key = string.Create(CultureInfo.InvariantCulture, $"arrangement-broken:{arrangement.Id}"),
                    Description = string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"Termijn {missed.Number} van de betalingsregeling (vervallen {missed.DueDate:d MMMM yyyy}) is niet betaald; de aanmaningen lopen weer."),
                    CreatedOn = date,
                });
                broken++;
                continue;
            }

            var due = ordered.FirstOrDefault(i => i.ReminderSentOn is null
                && InstalmentPlan.Remaining(ordered, i, paid) > 0
                && date >= i.DueDate.AddDays(-rules.ReminderDaysBeforeDue)
                && date <= i.DueDate);
            if (due is not null && await RemindAsync(arrangement, debtor, due, InstalmentPlan.Remaining(ordered, due, paid), date, ct))
            {
                reminders++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new ArrangementRunResult(reminders, completed, broken);
    }

    private static void End(PaymentArrangement arrangement, Domain.Ledger.Debtor debtor, ArrangementStatus status, DateOnly date)
    {
        arrangement.Status = status;
        arrangement.EndedOn = date;
        if (debtor.PauseReason == BookArrangement.PauseReason)
        {
            debtor.DunningPausedUntil = null;
            debtor.PauseReason = null;
        }
    }

    private async Task<bool> RemindAsync(PaymentArrangement arrangement, Domain.Ledger.Debtor debtor, Instalment instalment, long amount, DateOnly date, CancellationToken ct)
    {
        // One message per debtor per day, as in the dunning cycle; the reminder then goes tomorrow.
        if (await db.Outbox.AnyAsync(m => m.DebtorId == debtor.Id && m.BusinessDate == date, ct))
        {
            return false;
        }

        var channel = debtor.Mobile is not null ? MessageChannel.Sms : MessageChannel.Email;
        var reference = PaymentRequestReferences.Create(debtor.DebtorNumber, date, PaymentRequestPurpose.Instalment);
        var request = new PaymentRequestRecord
        {
            DebtorId = debtor.Id,
            Purpose = PaymentRequestPurpose.Instalment,
            ReferenceId = reference,
            Description = string.Create(CultureInfo.InvariantCulture, $"Termijn {instalment.Number} betalingsregeling"),
            AmountCents = amount,
            InvoiceNumbers = arrangement.InvoiceNumbers,
            ExpiryDate = instalment.DueDate.AddDays(policy.ExpiryDaysFor(PaymentRequestPurpose.Instalment)),
            State = PaymentRequestState.Intent,
            CreatedAt = calendar.Now,
        };
        db.PaymentRequests.Add(request);
        await db.SaveChangesAsync(ct);

        var reason = string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"termijn {instalment.Number} van de betalingsregeling vervalt op {instalment.DueDate:d MMMM yyyy}.");
        ArrangementMessages.Queue(db, arrangement, "instalment-reminder", channel, date, amount, "", request.Id, reason, calendar.Now);
        instalment.ReminderSentOn = date;
        return true;
    }
}
