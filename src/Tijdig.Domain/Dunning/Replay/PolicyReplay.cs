using Tijdig.Domain.Ledger;

namespace Tijdig.Domain.Dunning.Replay;

/// <summary>An invoice of the history a replay runs over.</summary>
public sealed record ReplayInvoice(long DebtorId, string DebtorNumber, PaymentMethod PaymentMethod, string? Segment, string InvoiceNumber, DateOnly DueDate, long AmountCents);

/// <summary>
/// How parents are assumed to respond: the share that pays on time, and per step the share of those
/// still open that pays within <see cref="DaysToPayAfterMessage"/> days of the message.
/// </summary>
public sealed class PaymentBehaviour
{
    public double PaidOnTimeRate { get; set; }

    /// <summary>
    /// Per step key ("pre-reminder", "reminder-1", "last-chance", ...), the cumulative share of the invoices
    /// not paid on time that is paid once this step has gone out; a missing step counts as 0.
    /// </summary>
    public Dictionary<string, double> PaidRateByStep { get; set; } = [];

    public int DaysToPayAfterMessage { get; set; } = 3;
}

/// <summary>What a policy would have done over the replayed period.</summary>
public sealed record ReplayResult(
    string PolicyVersion,
    int MessagesSent,
    IReadOnlyDictionary<string, int> MessagesByStep,
    int ClaimsCreated,
    long OpenCentsAtEnd,
    long OverdueCentsAtEnd,
    double AverageDaysToPay);

/// <summary>
/// Replays a policy day by day over historic invoices with assumed parent behaviour, so that a
/// candidate policy can be compared with the active one on the same invoices and the same random
/// draws. The engine decides exactly as in the daily cycle; only the payments are simulated.
/// </summary>
// TODO(dunning): estimate PaymentBehaviour from the ledger (paid rate per step, channel and segment) instead of taking it as input.
public static class PolicyReplay
{
    public static ReplayResult Run(DunningEngine engine, IReadOnlyList<ReplayInvoice> history, DateOnly from, DateOnly to, PaymentBehaviour behaviour, int seed)
    {
        var random = new Random(seed);
        var state = history
            .Select((invoice, index) => new InvoiceState(index + 1, invoice))
            .ToDictionary(s => s.Invoice.InvoiceNumber, StringComparer.Ordinal);

        // The draws that do not depend on the policy come first and in a fixed order, so two policies see the same parents.
        foreach (var invoice in state.Values.OrderBy(s => s.Invoice.InvoiceNumber, StringComparer.Ordinal))
        {
            invoice.Draw = random.NextDouble();
            if (invoice.Draw < behaviour.PaidOnTimeRate)
            {
                invoice.PaysOn = invoice.Invoice.DueDate;
            }
        }

        var messagesByStep = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var claimed = new HashSet<long>();
        var lastMessage = new Dictionary<long, DateOnly>();
        var policy = engine.PolicyOn(to);

        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var invoice in state.Values.Where(s => s.IsOpen && s.PaysOn is { } on && on <= date))
            {
                invoice.PaidOn = invoice.PaysOn;
            }

            var snapshots = state.Values
                .Where(s => s.IsOpen && s.Invoice.DueDate.AddDays(-14) <= date)
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
                Apply(decision, date, state, behaviour, messagesByStep, claimed, lastMessage);
            }
        }

        var open = state.Values.Where(s => s.IsOpen && !claimed.Contains(s.Invoice.DebtorId)).ToList();
        var paid = state.Values.Where(s => s.PaidOn is not null).ToList();
        return new ReplayResult(
            policy.Version,
            messagesByStep.Values.Sum(),
            messagesByStep,
            claimed.Count,
            open.Sum(s => s.Invoice.AmountCents),
            open.Where(s => s.Invoice.DueDate < to).Sum(s => s.Invoice.AmountCents),
            paid.Count == 0 ? 0 : paid.Average(s => s.PaidOn!.Value.DayNumber - s.Invoice.DueDate.DayNumber));
    }

    private static void Apply(
        DunningDecision decision,
        DateOnly date,
        Dictionary<string, InvoiceState> state,
        PaymentBehaviour behaviour,
        SortedDictionary<string, int> messagesByStep,
        HashSet<long> claimed,
        Dictionary<long, DateOnly> lastMessage)
    {
        if (decision.Kind == DecisionKind.Termination)
        {
            claimed.Add(decision.DebtorId);
        }

        if (decision.Channels.Count > 0)
        {
            messagesByStep[decision.Step] = messagesByStep.GetValueOrDefault(decision.Step) + 1;
            lastMessage[decision.DebtorId] = date;
        }

        // A parent pays after a message when the invoice's own draw falls under the step's paid rate.
        var rate = behaviour.PaidRateByStep.GetValueOrDefault(decision.Step);
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

            if (invoice.PaysOn is null && invoice.Draw < behaviour.PaidOnTimeRate + ((1 - behaviour.PaidOnTimeRate) * rate))
            {
                invoice.PaysOn = date.AddDays(behaviour.DaysToPayAfterMessage);
            }
        }
    }

    private sealed class InvoiceState(long id, ReplayInvoice invoice)
    {
        public ReplayInvoice Invoice { get; } = invoice;

        public double Draw { get; set; }

        public DateOnly? PaysOn { get; set; }

        public DateOnly? PaidOn { get; set; }

        public int Level { get; set; }

        public DateOnly? LetterSentOn { get; set; }

        public DateOnly? PreReminderSentOn { get; set; }

        public bool IsOpen => PaidOn is null;

        public InvoiceSnapshot ToSnapshot() =>
            new(id, Invoice.InvoiceNumber, Invoice.DueDate, Invoice.AmountCents, Level, LetterSentOn, PreReminderSentOn, false)
            {
                AmountCents = Invoice.AmountCents,
            };
    }
}
