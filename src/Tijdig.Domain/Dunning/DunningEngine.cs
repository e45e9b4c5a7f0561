using System.Collections.Concurrent;
using System.Globalization;
using Tijdig.Domain.Dunning.Experiments;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Domain.Dunning.Pauses;
using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;
using Tijdig.Domain.Tikkie;

namespace Tijdig.Domain.Dunning;

/// <summary>
/// Decides, for one business date, what happens next for each debtor. Pure: the same snapshot,
/// policy versions and date give the same decisions. State-based rather than "run on day N": after
/// missed days it takes the step that is due now, once, and it never reaches termination without the
/// statutory letter having been sent and its term having run.
/// </summary>
public sealed class DunningEngine
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");
    private static readonly List<ReturnedCollection> NoReturns = [];
    private static readonly List<Representation> NoRepresentations = [];
    private static readonly HashSet<long> NoInvoiceIds = [];

    /// <summary>Oldest due date first; the invoice number breaks ties so the order is stable.</summary>
    private static readonly Comparison<InvoiceSnapshot> OldestFirst = (left, right) =>
    {
        var byDate = left.DueDate.CompareTo(right.DueDate);
        return byDate != 0 ? byDate : string.CompareOrdinal(left.InvoiceNumber, right.InvoiceNumber);
    };

    private readonly List<DunningPolicy> versions;
    private readonly Func<long, long> collectionCostScale;
    private readonly Func<DateOnly, bool> isGeneralHoliday;
    private readonly Func<DateOnly, bool>? isCollectionDay;
    private readonly ConcurrentDictionary<(DunningPolicy, string), DunningPolicy> segmentPolicies = new();
    private readonly ConcurrentDictionary<DunningPolicy, StatutoryTermCalendar> calendars = new();
    private readonly ConcurrentDictionary<(DunningPolicy, ExperimentVariant), DunningPolicy> variantPolicies = new();

    /// <param name="versions">Every policy version; the one with the latest activation date on or before the business date applies.</param>
    /// <param name="collectionCostScale">The statutory cost scale: principal in cents to costs in cents.</param>
    /// <param name="isGeneralHoliday">True for a general holiday of the Algemene termijnenwet.</param>
    /// <param name="experiments">Policy experiments; while one is active, each debtor gets the policy of its variant.</param>
    /// <param name="isCollectionDay">
    /// True on a day a direct debit can be collected (a TARGET2 business day); re-presentations are moved to
    /// such a day. Null skips weekends only, so a re-presentation can then land on a TARGET2 holiday.
    /// </param>
    public DunningEngine(
        IEnumerable<DunningPolicy> versions,
        Func<long, long> collectionCostScale,
        Func<DateOnly, bool> isGeneralHoliday,
        IReadOnlyList<DunningExperiment>? experiments = null,
        Func<DateOnly, bool>? isCollectionDay = null)
    {
        this.isCollectionDay = isCollectionDay;
        Experiments = experiments ?? [];
        this.versions = versions.OrderBy(v => v.ActiveFrom).ToList();
        this.collectionCostScale = collectionCostScale;

        // The term calendar looks up the same few hundred days for every debtor, so the results are cached.
        var holidays = new ConcurrentDictionary<DateOnly, bool>();
        this.isGeneralHoliday = day => holidays.GetOrAdd(day, isGeneralHoliday);
        if (this.versions.Count == 0)
        {
            throw new ArgumentException("At least one policy version is required.", nameof(versions));
        }

        var errors = this.versions.SelectMany(v => v.Validate())
            .Concat(Experiments.SelectMany(e => e.Validate(this.versions)))
            .ToList();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid dunning policy: " + string.Join(" ", errors), nameof(versions));
        }
    }

    public DunningEngine(DunningPolicy policy, Func<long, long> collectionCostScale, Func<DateOnly, bool> isGeneralHoliday)
        : this([policy], collectionCostScale, isGeneralHoliday)
    {
    }

    public IReadOnlyList<DunningExperiment> Experiments { get; }

    /// <summary>Returns the policy version in force on <paramref name="date"/>; before the first activation date the first version applies.</summary>
    public DunningPolicy PolicyOn(DateOnly date)
    {
        var active = versions[0];
        foreach (var version in versions)
        {
            if (version.ActiveFrom <= date)
            {
                active = version;
            }
        }

        return active;
    }

    /// <summary>Returns the term calendar of a policy version (its receipt offsets and decree holidays).</summary>
    public StatutoryTermCalendar CalendarFor(DunningPolicy policy) =>
        calendars.GetOrAdd(policy, p =>
        {
            var extra = p.ExtraHolidays.ToHashSet();
            var offsets = p.ReceiptOffsets.Count > 0 ? p.ReceiptOffsets : [new ReceiptOffset { From = DateOnly.MinValue, PostalDays = 2 }];
            return new StatutoryTermCalendar(d => extra.Contains(d) || isGeneralHoliday(d), offsets, p.StatutoryTermDays);
        });

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
        var version = PolicyOn(date);
        var policy = debtor.Segment is { } segment
            ? segmentPolicies.GetOrAdd((version, segment), key => key.Item1.ForSegment(key.Item2))
            : version;
        policy = ApplyExperiments(policy, debtor.DebtorNumber, date);
        var decisions = new List<DunningDecision>(1);

        // Returns that cannot be retried are acted on even during a pause: the mandate is unusable either way.
        // Most debtors have no returns, so that case allocates nothing.
        var manualReturns = debtor.UnhandledReturns.Count == 0
            ? NoReturns
            : debtor.UnhandledReturns.Where(r => policy.HandlingFor(r.ReasonCode) == ReturnHandling.SwitchToManualPayment).ToList();
        if (manualReturns.Count > 0)
        {
            decisions.Add(SwitchToManual(debtor, manualReturns) with { PolicyVersion = policy.Version });
        }

        DateOnly? moratoriumStart = null;
        foreach (var pause in debtor.Pauses)
        {
            if (!pause.IsActiveOn(date))
            {
                continue;
            }

            if (pause.Kind != PauseKind.Moratorium)
            {
                return decisions;
            }

            moratoriumStart = pause.StartsOn;
        }

        // One message per debtor per day, also across several runs on the same date.
        if (debtor.LastMessageDate == date)
        {
            return decisions;
        }

        var retryReturns = manualReturns.Count == 0 ? debtor.UnhandledReturns.ToList() : debtor.UnhandledReturns.Except(manualReturns).ToList();

        // A debtor who just lost the mandate (a non-retryable return) is not collected again at all.
        var representations = debtor.PaymentMethod == PaymentMethod.DirectDebit && manualReturns.Count == 0 && retryReturns.Count > 0
            ? PlanRepresentations(policy, retryReturns, date)
            : NoRepresentations;
        var represented = representations.Count == 0 ? NoInvoiceIds : representations.Select(r => r.InvoiceId).ToHashSet();
        var context = new DebtorContext(debtor, policy, date, moratoriumStart, represented);

        var message = DecideArrears(context, retryReturns)
            ?? DecideFailedDirectDebit(context, retryReturns)
            ?? DecidePreReminder(context);

        if (message is null)
        {
            return decisions;
        }

        decisions.Add(WithReachableChannels(debtor, message) with { Representations = representations, PolicyVersion = policy.Version });
        return decisions;
    }

    /// <summary>Applies the variant of each experiment active on <paramref name="date"/> on top of the segment policy.</summary>
    private DunningPolicy ApplyExperiments(DunningPolicy policy, string debtorNumber, DateOnly date)
    {
        foreach (var experiment in Experiments)
        {
            if (experiment.IsActiveOn(date))
            {
                var variant = ExperimentAssignment.Assign(experiment, debtorNumber);
                policy = variantPolicies.GetOrAdd((policy, variant), key => key.Item1.ForVariant(experiment, key.Item2));
            }
        }

        return policy;
    }

    private sealed record DebtorContext(DebtorSnapshot Debtor, DunningPolicy Policy, DateOnly Date, DateOnly? MoratoriumStart, HashSet<long> RepresentedInvoiceIds)
    {
        /// <summary>Invoices the moratorium covers: due before it started. Later invoices are dunned as usual.</summary>
        public bool IsFrozen(InvoiceSnapshot invoice) => MoratoriumStart is { } start && invoice.DueDate < start;
    }

    private List<Representation> PlanRepresentations(DunningPolicy policy, List<ReturnedCollection> returns, DateOnly date)
    {
        var planned = new List<Representation>();
        foreach (var returned in returns)
        {
            if (returned.OpenCents > 0 && policy.Representation.Allows(returned.ReasonCode, returned.Attempt))
            {
                planned.Add(new Representation(returned.InvoiceId, returned.CollectionId, policy.Representation.NextCollectionDate(returned.ReturnedOn ?? date, isCollectionDay)));
            }
        }

        return planned;
    }

    private DunningDecision? DecideArrears(DebtorContext context, List<ReturnedCollection> retryReturns)
    {
        var (debtor, policy, date, _, represented) = context;
        if (policy.Steps.Count == 0)
        {
            return null;
        }

        // A plain loop: this runs for every debtor every day.
        List<InvoiceSnapshot>? overdue = null;
        foreach (var invoice in debtor.OpenInvoices)
        {
            var eligible = invoice.OpenCents > 0 && invoice.DueDate < date && !invoice.CollectionPending
                && !represented.Contains(invoice.InvoiceId) && !(invoice.RepresentOn >= date) && !context.IsFrozen(invoice);
            if (eligible)
            {
                overdue ??= new List<InvoiceSnapshot>(debtor.OpenInvoices.Count);
                overdue.Add(invoice);
            }
        }

        if (overdue is null)
        {
            return null;
        }

        overdue.Sort(OldestFirst);

        // Money received but not yet allocated counts against the total: a parent who paid is not reminded.
        var total = overdue.Sum(i => i.OpenCents);
        if (total - debtor.InFlightCents < Math.Max(1, policy.MinimumAmountCents))
        {
            return null;
        }

        var oldest = overdue[0];
        var statutoryLevel = policy.StatutoryLevel;
        var letterMissing = statutoryLevel > 0 && oldest.DunningLevel >= statutoryLevel && oldest.LastChanceSentOn is null;
        if (statutoryLevel > 0 && oldest.DunningLevel >= statutoryLevel && !letterMissing)
        {
            return DecideTermination(context, overdue, oldest);
        }

        var daysIntoLadder = oldest.DaysIntoLadder(date);
        var target = 0;
        for (var i = 0; i < policy.Steps.Count; i++)
        {
            if (policy.Steps[i].DaysPastDue <= daysIntoLadder)
            {
                target = i + 1;
            }
        }

        // The statutory letter is never skipped: no later step before it has gone out. A level that
        // claims the letter without a posting date (data from before Tijdig) gets the letter now.
        if (statutoryLevel > 0 && (target > statutoryLevel || letterMissing))
        {
            target = statutoryLevel;
        }

        if (target <= oldest.DunningLevel && !letterMissing)
        {
            return null;
        }

        var step = policy.Steps[target - 1];
        var reason = string.Format(
            Dutch,
            "{0}: factuur {1} is {2} dagen over de vervaldatum; openstaand totaal {3}.",
            step.Key,
            oldest.InvoiceNumber,
            oldest.DaysPastDue(date),
            Money.Format(total));

        var decision = new DunningDecision(
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

        return step.IsStatutoryNotice ? WithStatutoryTerms(context, decision) : decision;
    }

    /// <summary>Adds what the 14-day letter must state: the exact costs over all overdue invoices and the last day of the term.</summary>
    private DunningDecision WithStatutoryTerms(DebtorContext context, DunningDecision decision)
    {
        var (debtor, policy, date, _, _) = context;
        var costs = QuoteCosts(debtor, policy, decision.Invoices, date);
        var termEnd = CalendarFor(policy).TermEnd(date);
        var reason = decision.Reason + string.Format(
            Dutch,
            " Veertiendagenbrief: betalen uiterlijk {0:d MMMM yyyy}, daarna incassokosten {1}{2}.",
            termEnd.ToDateTime(TimeOnly.MinValue),
            Money.Format(costs.TotalCents),
            costs.VatCents > 0 ? " inclusief btw" : "");

        return decision with { CollectionCosts = costs, StatutoryTermEnd = termEnd, Reason = reason };
    }

    private CollectionCostQuote QuoteCosts(DebtorSnapshot debtor, DunningPolicy policy, IReadOnlyList<InvoiceSnapshot> invoices, DateOnly date) =>
        policy.CollectionCosts.Quote(
            invoices.Sum(i => i.OpenCents),
            invoices.Select(i => i.AmountCents > 0 ? i.AmountCents : i.OpenCents).ToList(),
            debtor.RecentCollectionCostsCents,
            date,
            collectionCostScale);

    private DunningDecision? DecideTermination(DebtorContext context, List<InvoiceSnapshot> overdue, InvoiceSnapshot oldest)
    {
        var (debtor, policy, date, _, _) = context;
        if (debtor.HasOpenClaim || oldest.DunningLevel > policy.StatutoryLevel || oldest.LastChanceSentOn is not { } sentOn)
        {
            return null;
        }

        // Costs are chargeable only from the day after the term; the grace period is at least that day.
        var termEnd = CalendarFor(policy).TermEnd(sentOn);
        if (date < termEnd.AddDays(Math.Max(1, policy.TerminationGraceDays)))
        {
            return null;
        }

        // Only invoices the statutory letter covered may go to an agency.
        var covered = overdue.Where(i => i.DunningLevel >= policy.StatutoryLevel && i.LastChanceSentOn is not null).ToList();
        var principal = covered.Sum(i => i.OpenCents);
        var interest = covered.Sum(i => StatutoryInterest.CalculateCents(i.OpenCents, i.DueDate.AddDays(1), date, policy.InterestRates));
        var reason = string.Format(
            Dutch,
            "beëindiging: de termijn van de veertiendagenbrief van {0:d MMMM yyyy} liep af op {1:d MMMM yyyy}; {2} gaat naar het incassobureau.",
            sentOn.ToDateTime(TimeOnly.MinValue),
            termEnd.ToDateTime(TimeOnly.MinValue),
            Money.Format(principal));

        return new DunningDecision(
            debtor.DebtorId,
            debtor.DebtorNumber,
            DecisionKind.Termination,
            "termination",
            policy.TerminationChannels,
            principal,
            covered,
            null,
            0,
            reason)
        {
            NewDunningLevel = policy.StatutoryLevel + 1,
            CollectionCosts = QuoteCosts(debtor, policy, covered, date),
            StatutoryLetterSentOn = sentOn,
            StatutoryTermEnd = termEnd,
            InterestCents = interest,
        };
    }

    private static DunningDecision? DecideFailedDirectDebit(DebtorContext context, List<ReturnedCollection> retryReturns)
    {
        var (debtor, policy, _, _, _) = context;
        if (retryReturns.Count == 0)
        {
            return null;
        }

        var invoiceIds = retryReturns.Select(r => r.InvoiceId).ToHashSet();
        var invoices = debtor.OpenInvoices.Where(i => invoiceIds.Contains(i.InvoiceId) && i.OpenCents > 0 && !context.IsFrozen(i)).ToList();
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

    private static DunningDecision? DecidePreReminder(DebtorContext context)
    {
        var (debtor, policy, date, _, _) = context;
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
        if (total - debtor.InFlightCents < Math.Max(1, policy.MinimumAmountCents))
        {
            return null;
        }

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

    /// <summary>Returns the channel that reaches the debtor in place of <paramref name="channel"/>, or null when none does.</summary>
    private static MessageChannel? Reachable(DebtorSnapshot debtor, MessageChannel channel)
    {
        switch (channel)
        {
            case MessageChannel.Sms when debtor.HasMobile:
            case MessageChannel.Email when debtor.HasEmail:
            case MessageChannel.Letter:
                return channel;
            case MessageChannel.Sms when debtor.HasEmail:
                return MessageChannel.Email;
            case MessageChannel.Email when debtor.HasMobile:
                return MessageChannel.Sms;
            default:
                return null;
        }
    }

    /// <summary>SMS needs a mobile number and e-mail an address; without one, the other channel takes over.</summary>
    private static DunningDecision WithReachableChannels(DebtorSnapshot debtor, DunningDecision decision)
    {
        var channels = new List<MessageChannel>();
        foreach (var channel in decision.Channels)
        {
            if (Reachable(debtor, channel) is { } found && !channels.Contains(found))
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
