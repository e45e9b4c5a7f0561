using System.Globalization;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Domain.Dunning;

/// <summary>
/// Decides, for one business date, what happens next for each debtor. Pure: the same snapshot,
/// policy and date give the same decisions. State-based rather than "run on day N": after missed
/// days it takes the step that is due now, once, and it never reaches termination without the
/// statutory letter having been sent and its term having run.
/// </summary>
public sealed class DunningEngine(DunningPolicy policy)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public IReadOnlyList<DunningDecision> Decide(IEnumerable<DebtorSnapshot> debtors, DateOnly date)
    {
        var decisions = new List<DunningDecision>();

        foreach (var debtor in debtors)
        {
            decisions.AddRange(Decide(debtor, date));
        }

        return decisions;
    }

    public IReadOnlyList<DunningDecision> Decide(DebtorSnapshot debtor, DateOnly date)
    {
        var decisions = new List<DunningDecision>();

        // Returns that cannot be retried are acted on even during a pause: the mandate is unusable either way.
        var manualReturns = debtor.UnhandledReturns
            .Where(r => policy.HandlingFor(r.ReasonCode) == ReturnHandling.SwitchToManualPayment)
            .ToList();
        if (manualReturns.Count > 0)
        {
            decisions.Add(SwitchToManual(debtor, manualReturns));
        }

        if (debtor.PausedUntil is { } pausedUntil && pausedUntil >= date)
        {
            return decisions;
        }

        // One message per debtor per day, also across several runs on the same date.
        if (debtor.LastMessageDate == date)
        {
            return decisions;
        }

        var retryReturns = debtor.UnhandledReturns.Except(manualReturns).ToList();
        var message = DecideArrears(debtor, date, retryReturns)
            ?? DecideFailedDirectDebit(debtor, retryReturns)
            ?? DecidePreReminder(debtor, date);

        if (message is null)
        {
            return decisions;
        }

        decisions.Add(WithReachableChannels(debtor, message));
        return decisions;
    }

    private DunningDecision? DecideArrears(DebtorSnapshot debtor, DateOnly date, List<ReturnedCollection> retryReturns)
    {
        var overdue = debtor.OpenInvoices
            .Where(i => i.OpenCents > 0 && i.DueDate < date && !i.CollectionPending)
            .OrderBy(i => i.DueDate)
            .ThenBy(i => i.InvoiceNumber, StringComparer.Ordinal)
            .ToList();
        if (overdue.Count == 0 || policy.Steps.Count == 0)
        {
            return null;
        }

        var total = overdue.Sum(i => i.OpenCents);
        if (total < policy.MinimumAmountCents)
        {
            return null;
        }

        var oldest = overdue[0];
        var daysPastDue = oldest.DaysPastDue(date);
        var statutoryLevel = policy.Steps.FindIndex(s => s.IsStatutoryNotice) + 1;

        if (statutoryLevel > 0 && oldest.DunningLevel >= statutoryLevel)
        {
            return DecideTermination(debtor, date, overdue, oldest, total, statutoryLevel);
        }

        var target = 0;
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            if (policy.Steps[i].DaysPastDue <= daysPastDue)
            {
                target = i + 1;
            }
        }

        if (target <= oldest.DunningLevel)
        {
            return null;
        }

        var step = policy.Steps[target - 1];
        var reason = string.Format(
            Dutch,
            "{0}: factuur {1} is {2} dagen over de vervaldatum; openstaand totaal {3}.",
            step.Key,
            oldest.InvoiceNumber,
            daysPastDue,
            Money.Format(total));

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.ArrearsStep,
            step.Key,
            step.Channels,
            total,
            overdue,
            step.SendPaymentRequest ? PaymentRequestPurpose.Arrears : null,
            policy.ExpiryDaysFor(PaymentRequestPurpose.Arrears),
            reason)
        {
            NewDunningLevel = target,
            IsStatutoryNotice = step.IsStatutoryNotice,
            HandledReturns = retryReturns,
        };
    }

    private DunningDecision? DecideTermination(
        DebtorSnapshot debtor,
        DateOnly date,
        List<InvoiceSnapshot> overdue,
        InvoiceSnapshot oldest,
        long total,
        int statutoryLevel)
    {
        if (debtor.HasOpenClaim || oldest.DunningLevel > statutoryLevel || oldest.LastChanceSentOn is not { } sentOn)
        {
            return null;
        }

        var terminationDate = sentOn.AddDays(policy.StatutoryTermDays + policy.TerminationGraceDays);
        if (date < terminationDate)
        {
            return null;
        }

        // Only invoices the statutory letter covered may go to an agency.
        var covered = overdue.Where(i => i.DunningLevel >= statutoryLevel).ToList();
        var reason = string.Format(
            Dutch,
            "beëindiging: de termijn van de laatste aanmaning van {0:d MMMM yyyy} is verstreken; {1} gaat naar het incassobureau.",
            sentOn.ToDateTime(TimeOnly.MinValue),
            Money.Format(covered.Sum(i => i.OpenCents)));

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.Termination,
            "termination",
            policy.TerminationChannels,
            covered.Sum(i => i.OpenCents),
            covered,
            null,
            0,
            reason)
        {
            NewDunningLevel = statutoryLevel + 1,
        };
    }

    private DunningDecision? DecideFailedDirectDebit(DebtorSnapshot debtor, List<ReturnedCollection> retryReturns)
    {
        if (retryReturns.Count == 0)
        {
            return null;
        }

        var invoiceIds = retryReturns.Select(r => r.InvoiceId).ToHashSet();
        var invoices = debtor.OpenInvoices.Where(i => invoiceIds.Contains(i.InvoiceId) && i.OpenCents > 0).ToList();
        var total = invoices.Sum(i => i.OpenCents);
        var reason = string.Format(
            Dutch,
            "mislukte incasso ({0}) voor factuur {1}.",
            string.Join(", ", retryReturns.Select(r => r.ReasonCode).Distinct()),
            string.Join(", ", retryReturns.Select(r => r.InvoiceNumber)));

        // A return on an invoice that has since been paid needs no message, only bookkeeping.
        var channels = total > 0 ? new[] { MessageChannel.Sms } : [];

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.FailedDirectDebit,
            "failed-direct-debit",
            channels,
            total,
            invoices,
            total > 0 ? PaymentRequestPurpose.FailedDirectDebit : null,
            policy.ExpiryDaysFor(PaymentRequestPurpose.FailedDirectDebit),
            reason)
        {
            HandledReturns = retryReturns,
        };
    }

    private DunningDecision? DecidePreReminder(DebtorSnapshot debtor, DateOnly date)
    {
        if (debtor.PaymentMethod != PaymentMethod.Transfer || policy.PreReminderDaysBeforeDue <= 0)
        {
            return null;
        }

        var upcoming = debtor.OpenInvoices
            .Where(i => i.OpenCents > 0 && i.PreReminderSentOn is null)
            .Where(i => i.DueDate >= date && i.DueDate.DayNumber - date.DayNumber <= policy.PreReminderDaysBeforeDue)
            .OrderBy(i => i.DueDate)
            .ToList();
        if (upcoming.Count == 0)
        {
            return null;
        }

        var total = upcoming.Sum(i => i.OpenCents);
        var reason = string.Format(
            Dutch,
            "vooraankondiging: factuur {0} vervalt op {1:d MMMM yyyy}.",
            upcoming[0].InvoiceNumber,
            upcoming[0].DueDate.ToDateTime(TimeOnly.MinValue));

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.PreReminder,
            "pre-reminder",
            [MessageChannel.Sms],
            total,
            upcoming,
            PaymentRequestPurpose.PreReminder,
            policy.ExpiryDaysFor(PaymentRequestPurpose.PreReminder),
            reason);
    }

    private static DunningDecision SwitchToManual(DebtorSnapshot debtor, List<ReturnedCollection> returns)
    {
        var reason = string.Format(
            Dutch,
            "incasso niet opnieuw mogelijk ({0}) voor factuur {1}: overgezet op zelf betalen.",
            string.Join(", ", returns.Select(r => r.ReasonCode).Distinct()),
            string.Join(", ", returns.Select(r => r.InvoiceNumber)));

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.SwitchToManualPayment,
            "switch-to-manual-payment",
            [],
            returns.Sum(r => r.OpenCents),
            [],
            null,
            0,
            reason)
        {
            HandledReturns = returns,
        };
    }

    /// <summary>SMS needs a mobile number and e-mail an address; without one, the other channel takes over.</summary>
    private static DunningDecision WithReachableChannels(DebtorSnapshot debtor, DunningDecision decision)
    {
        var channels = new List<MessageChannel>();
        foreach (var channel in decision.Channels)
        {
            var reachable = channel switch
            {
                MessageChannel.Sms => debtor.HasMobile ? channel : debtor.HasEmail ? MessageChannel.Email : (MessageChannel?)null,
                MessageChannel.Email => debtor.HasEmail ? channel : debtor.HasMobile ? MessageChannel.Sms : null,
                MessageChannel.Letter => channel,
                _ => null,
            };

            if (reachable is { } found && !channels.Contains(found))
            {
                channels.Add(found);
            }
        }

        if (channels.Count == 0 && decision.Channels.Count > 0)
        {
            return decision with { Kind = DecisionKind.NoContactDetails, Channels = [] };
        }

        return decision with { Channels = channels };
    }
}
