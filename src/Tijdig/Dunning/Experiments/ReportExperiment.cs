using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Dunning;
using Tijdig.Domain.Dunning.Experiments;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;

namespace Tijdig.Dunning.Experiments;

public sealed record VariantResult(string Variant, bool HoldOut, int Reached, int Paid, double PaidRate, double Lower, double Upper);

public sealed record ExperimentReport(string Key, string Step, DateOnly StartsOn, DateOnly EndsOn, int PaidWithinDays, IReadOnlyList<VariantResult> Variants);

/// <summary>
/// The paid rate per variant of one experiment, from the ledger: a debtor is reached on the first day
/// in the experiment window that a message of the step was sent, and has paid when a payment of the
/// debtor is booked on that day or in the <c>paidWithinDays</c> days after it.
/// </summary>
public sealed class ReportExperiment(TijdigDbContext db, DunningEngine engine)
{
    private static readonly MessageStatus[] SentStatuses = [MessageStatus.Sent, MessageStatus.Delivered];

    /// <param name="date">The report date: steps after it are not counted, for a hold-out either.</param>
    public async Task<ExperimentReport> RunAsync(string key, int paidWithinDays, DateOnly date, CancellationToken ct)
    {
        var experiment = engine.Experiments.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))
            ?? throw new KeyNotFoundException($"Experiment '{key}' not found: use one of the keys under Dunning:Experiments.");
        ArgumentOutOfRangeException.ThrowIfNegative(paidWithinDays);

        var debtors = await db.Debtors.AsNoTracking()
            .Select(d => new { d.Id, d.DebtorNumber, d.PaymentMethod })
            .ToListAsync(ct);
        var sent = await db.Outbox.AsNoTracking()
            .Where(m => m.Step == experiment.Step && m.BusinessDate >= experiment.StartsOn && m.BusinessDate <= experiment.EndsOn && m.BusinessDate <= date && SentStatuses.Contains(m.Status))
            .Select(m => new { m.DebtorId, m.BusinessDate })
            .ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking()
            .Where(p => p.DebtorId != null && p.BookingDate >= experiment.StartsOn)
            .Select(p => new { DebtorId = p.DebtorId!.Value, p.BookingDate })
            .ToListAsync(ct);
        var invoices = await db.Invoices.AsNoTracking()
            .Select(i => new InvoiceDue(i.Id, i.DebtorId, i.DueDate, i.AmountCents))
            .ToListAsync(ct);
        var allocations = await db.Allocations.AsNoTracking()
            .Join(db.Payments, a => a.PaymentId, p => p.Id, (a, p) => new { a.InvoiceId, a.AmountCents, p.BookingDate })
            .ToListAsync(ct);

        // The engine can only have taken the step on or after the first cycle run, so the hold-out is counted from then too.
        var firstCycle = await db.CycleRuns.AsNoTracking().MinAsync(c => (DateOnly?)c.BusinessDate, ct) ?? date.AddDays(1);

        var firstSent = sent.GroupBy(m => m.DebtorId).ToDictionary(g => g.Key, g => g.Min(m => m.BusinessDate));
        var paymentDates = payments.ToLookup(p => p.DebtorId, p => p.BookingDate);
        var invoicesByDebtor = invoices.ToLookup(i => i.DebtorId);
        var allocationsByInvoice = allocations.ToLookup(a => a.InvoiceId, a => (a.BookingDate, a.AmountCents));

        var counts = experiment.Variants.ToDictionary(v => v, _ => (Reached: 0, Paid: 0));
        foreach (var debtor in debtors)
        {
            var variant = ExperimentAssignment.Assign(experiment, debtor.DebtorNumber);
            DateOnly? reachedOn = variant.HoldOut
                ? WouldBeReachedOn(experiment, debtor.PaymentMethod, firstCycle, date, invoicesByDebtor[debtor.Id], allocationsByInvoice)
                : firstSent.TryGetValue(debtor.Id, out var day) ? day : null;
            if (reachedOn is not { } start)
            {
                continue;
            }

            var paid = paymentDates[debtor.Id].Any(d => d >= start && d.DayNumber - start.DayNumber <= paidWithinDays);
            var (reached, paidCount) = counts[variant];
            counts[variant] = (reached + 1, paidCount + (paid ? 1 : 0));
        }

        var results = experiment.Variants
            .Select(v =>
            {
                var rate = PaidRate.Of(counts[v].Reached, counts[v].Paid);
                return new VariantResult(v.Name, v.HoldOut, rate.Reached, rate.Paid, rate.Rate, rate.Lower, rate.Upper);
            })
            .ToList();
        return new ExperimentReport(experiment.Key, experiment.Step, experiment.StartsOn, experiment.EndsOn, paidWithinDays, results);
    }

    /// <summary>
    /// Returns the day a hold-out debtor would first have had the step: the due date minus the
    /// pre-reminder days, or plus the step's days past due, for an invoice not yet paid in full by
    /// payments booked before that day. Only days in the window, from the first cycle run up to the
    /// report date, count.
    /// </summary>
    // NOTE: this skips the engine's other guards (minimum amount, pauses, a message already sent that
    // day), so the hold-out can count slightly more debtors as reached than the engine would have.
    private DateOnly? WouldBeReachedOn(
        DunningExperiment experiment,
        PaymentMethod method,
        DateOnly firstCycle,
        DateOnly date,
        IEnumerable<InvoiceDue> invoices,
        ILookup<long, (DateOnly BookingDate, long AmountCents)> allocations)
    {
        var isPreReminder = string.Equals(experiment.Step, ExperimentPolicies.PreReminderStep, StringComparison.OrdinalIgnoreCase);
        if (isPreReminder && method != PaymentMethod.Transfer)
        {
            return null;
        }

        DateOnly? first = null;
        foreach (var invoice in invoices)
        {
            var due = invoice.DueDate;
            var policy = engine.PolicyOn(due);
            var step = policy.Steps.Find(s => string.Equals(s.Key, experiment.Step, StringComparison.OrdinalIgnoreCase));
            DateOnly? day = null;
            if (isPreReminder && policy.PreReminderDaysBeforeDue > 0)
            {
                day = due.AddDays(-policy.PreReminderDaysBeforeDue);
            }
            else if (step is not null)
            {
                day = due.AddDays(step.DaysPastDue);
            }

            if (day is not { } candidate || !experiment.IsActiveOn(candidate) || candidate < firstCycle || candidate > date || (first is not null && candidate >= first))
            {
                continue;
            }

            var paidBefore = allocations[invoice.Id].Where(a => a.BookingDate < candidate).Sum(a => a.AmountCents);
            if (paidBefore < invoice.AmountCents)
            {
                first = candidate;
            }
        }

        return first;
    }

    private sealed record InvoiceDue(long Id, long DebtorId, DateOnly DueDate, long AmountCents);
}
