using Tijdig.Domain.Ledger;
using Tijdig.Domain.Messaging;

namespace Tijdig.Domain.Dunning.Replay;

/// <summary>An invoice of the history a replay runs over.</summary>
public sealed record ReplayInvoice(long DebtorId, string DebtorNumber, PaymentMethod PaymentMethod, string? Segment, string InvoiceNumber, DateOnly DueDate, long AmountCents);

/// <summary>What a policy would have done over the replayed period.</summary>
public sealed record ReplayResult(
    string PolicyVersion,
    int MessagesSent,
    IReadOnlyDictionary<string, int> MessagesByStep,
    int ClaimsCreated,
    long OpenCentsAtEnd,
    long OverdueCentsAtEnd,
    double AverageDaysToPay)
{
    /// <summary>Messages per channel; a decision on two channels counts once in each.</summary>
    public IReadOnlyDictionary<MessageChannel, int> MessagesByChannel { get; init; } = new Dictionary<MessageChannel, int>();

    /// <summary>Days sales outstanding on the last replayed day, by the count-back method.</summary>
    public decimal DaysSalesOutstanding { get; init; }
}

/// <summary>
/// Replays a policy day by day over historic invoices with assumed parent behaviour, so that a
/// candidate policy can be compared with the active one on the same invoices and the same random
/// draws. The engine decides exactly as in the daily cycle; only the payments are simulated.
/// Every draw is a function of the seed, the invoice and the step alone, so an invoice that gets
/// reminder-1 under both policies pays after it under both or under neither.
/// </summary>
public static class PolicyReplay
{
    public static ReplayResult Run(DunningEngine engine, IReadOnlyList<ReplayInvoice> history, DateOnly from, DateOnly to, PaymentBehaviour behaviour, int seed)
    {
        var state = history
            .Select((invoice, index) => new InvoiceState(index + 1, invoice))
            .ToDictionary(s => s.Invoice.InvoiceNumber, StringComparer.Ordinal);

        foreach (var invoice in state.Values)
        {
            if (ReplayDraw.Uniform(seed, invoice.Invoice.InvoiceNumber, "on-time") < behaviour.PaidOnTimeRate)
            {
                invoice.PaysOn = invoice.Invoice.DueDate;
            }
        }

        var counts = new Counts();
        var claimed = new HashSet<long>();
        var lastMessage = new Dictionary<long, DateOnly>();
        var policy = engine.PolicyOn(to);

        // An invoice enters the window 14 days before it falls due and leaves it once paid, so each day
        // looks only at the invoices in dunning, not at the whole history. The window keeps the
        // history's order, so the engine receives the debtors in the same order as a full scan gives them.
        var pending = new Queue<InvoiceState>(state.Values.OrderBy(s => s.Invoice.DueDate));
        var window = new List<InvoiceState>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            var entered = false;
            while (pending.Count > 0 && pending.Peek().Invoice.DueDate.AddDays(-14) <= date)
            {
                window.Add(pending.Dequeue());
                entered = true;
            }

            if (entered)
            {
                window.Sort((a, b) => a.Order.CompareTo(b.Order));
            }

            foreach (var invoice in window.Where(s => s.PaysOn is { } on && on <= date))
            {
                invoice.PaidOn ??= invoice.PaysOn;
            }

            window.RemoveAll(s => !s.IsOpen);

            var snapshots = window
                .GroupBy(s => s.Invoice.DebtorId)
                .Select(g => new DebtorSnapshot(
                    g.Key,
                    g.First().Invoice.DebtorNumber,
                    g.First().Invoice.PaymentMethod,
                    HasMobile: true,
                    HasEmail: true,
                    [],
                    lastMessage.TryGetValue(g.Key, out var last) ? last : null,
                    claimed.Contains(g.Key),
                    g.Select(s => s.ToSnapshot()).ToList(),
                    [])
                { Segment = g.First().Invoice.Segment });

            foreach (var decision in engine.Decide(snapshots, date))
            {
                Apply(decision, date, state, behaviour, seed, counts, claimed, lastMessage);
            }
        }

        var open = state.Values.Where(s => s.IsOpen && !claimed.Contains(s.Invoice.DebtorId)).ToList();
        var paid = state.Values.Where(s => s.PaidOn is not null).ToList();
        var openCents = open.Sum(s => s.Invoice.AmountCents);

        // Invoices count in the month they fall due: the history has no issue dates, and for monthly childcare invoices the two months coincide.
        var invoicedByMonth = history
            .GroupBy(i => new DateOnly(i.DueDate.Year, i.DueDate.Month, 1))
            .ToDictionary(g => g.Key, g => g.Sum(i => i.AmountCents));
        return new ReplayResult(
            policy.Version,
            counts.ByStep.Values.Sum(),
            counts.ByStep,
            claimed.Count,
            openCents,
            open.Where(s => s.Invoice.DueDate < to).Sum(s => s.Invoice.AmountCents),
            paid.Count == 0 ? 0 : paid.Average(s => s.PaidOn!.Value.DayNumber - s.Invoice.DueDate.DayNumber))
        {
            MessagesByChannel = counts.ByChannel,
            DaysSalesOutstanding = Reporting.DaysSalesOutstanding.CountBack(openCents, invoicedByMonth, to),
        };
    }

    private static void Apply(
        DunningDecision decision,
        DateOnly date,
        Dictionary<string, InvoiceState> state,
        PaymentBehaviour behaviour,
        int seed,
        Counts counts,
        HashSet<long> claimed,
        Dictionary<long, DateOnly> lastMessage)
    {
        if (decision.Kind == DecisionKind.Termination)
        {
            claimed.Add(decision.DebtorId);
        }

        if (decision.Channels.Count > 0)
        {
            counts.ByStep[decision.Step] = counts.ByStep.GetValueOrDefault(decision.Step) + 1;
            foreach (var channel in decision.Channels)
            {
                counts.ByChannel[channel] = counts.ByChannel.GetValueOrDefault(channel) + 1;
            }

            lastMessage[decision.DebtorId] = date;
        }

        // In the history the channels of one step went out together, so each channel's rate already
        // contains the effect of the others. The best of them is the rate, not a product that counts twice.
        var segment = decision.Invoices.Count == 0 ? null : state[decision.Invoices[0].InvoiceNumber].Invoice.Segment;
        var rate = decision.Channels.Count == 0
            ? 0
            : decision.Channels.Max(channel => behaviour.RateFor(decision.Step, channel, segment).Rate);
        foreach (var invoice in decision.Invoices.Select(i => state[i.InvoiceNumber]))
        {
            invoice.Level = Math.Max(invoice.Level, decision.NewDunningLevel);
            if (decision.IsStatutoryNotice)
            {
                invoice.LetterSentOn ??= date;
            }

            if (decision.Kind == DecisionKind.PreReminder)
            {
                invoice.PreReminderSentOn = date;
            }

            // A parent pays after a message when the draw for this invoice and step falls under the paid rate.
            if (invoice.PaysOn is null && ReplayDraw.Uniform(seed, invoice.Invoice.InvoiceNumber, decision.Step) < rate)
            {
                invoice.PaysOn = date.AddDays(behaviour.DaysToPayAfterMessage);
            }
        }
    }

    private sealed class Counts
    {
        public SortedDictionary<string, int> ByStep { get; } = new(StringComparer.Ordinal);

        public SortedDictionary<MessageChannel, int> ByChannel { get; } = [];
    }

    private sealed class InvoiceState(long id, ReplayInvoice invoice)
    {
        public ReplayInvoice Invoice { get; } = invoice;

        public DateOnly? PaysOn { get; set; }

        public DateOnly? PaidOn { get; set; }

        public int Level { get; set; }

        public DateOnly? LetterSentOn { get; set; }

        public DateOnly? PreReminderSentOn { get; set; }

        public bool IsOpen => PaidOn is null;

        /// <summary>The invoice's place in the history, which fixes the order in which the engine receives the debtors.</summary>
        public long Order => id;

        public InvoiceSnapshot ToSnapshot() =>
            new(id, Invoice.InvoiceNumber, Invoice.DueDate, Invoice.AmountCents, Level, LetterSentOn, PreReminderSentOn, false)
            {
                AmountCents = Invoice.AmountCents,
            };
    }
}
