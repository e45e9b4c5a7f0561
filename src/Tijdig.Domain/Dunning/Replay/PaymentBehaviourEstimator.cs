using Tijdig.Domain.Messaging;

namespace Tijdig.Domain.Dunning.Replay;

/// <summary>An invoice of the observed history; <see cref="Segment"/> is the debtor's policy segment.</summary>
public sealed record ObservedInvoice(string InvoiceNumber, string? Segment, DateOnly DueDate, DateOnly? PaidOn);

/// <summary>A dunning message that went out about an invoice.</summary>
public sealed record ObservedMessage(string InvoiceNumber, string Step, MessageChannel Channel, DateOnly SentOn);

/// <summary>
/// Derives <see cref="PaymentBehaviour"/> from history. Pure: the host loads the rows, this counts them.
/// </summary>
public static class PaymentBehaviourEstimator
{
    /// <param name="invoices">Invoices due in the observed period; <see cref="ObservedInvoice.PaidOn"/> is the day they were paid in full.</param>
    /// <param name="messages">Messages sent about those invoices; a message about an unknown invoice is ignored.</param>
    /// <param name="paidWithinDays">An invoice counts as paid after a message when it is paid on the day of the message or at most this many days later.</param>
    /// <param name="minimumObservations">Below this many observations a cell gives way to a coarser one.</param>
    /// <param name="observedUntil">The last day of the history. A message whose paid-within window ends later is no observation yet, because the parent may still pay in time.</param>
    public static PaymentBehaviour Estimate(
        IReadOnlyList<ObservedInvoice> invoices,
        IReadOnlyList<ObservedMessage> messages,
        int paidWithinDays = 14,
        int minimumObservations = 30,
        DateOnly? observedUntil = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(paidWithinDays);
        var byNumber = invoices.ToDictionary(i => i.InvoiceNumber, StringComparer.Ordinal);
        messages = messages
            .Where(m => observedUntil is not { } until || m.SentOn.AddDays(paidWithinDays) <= until)
            .ToList();
        var onTime = invoices.Count(i => i.PaidOn is { } paid && paid <= i.DueDate);

        // An invoice is observed once per step and channel, at the first such message: a repeat of the
        // same step would otherwise count the same parent twice.
        var observations = messages
            .Where(m => byNumber.ContainsKey(m.InvoiceNumber))
            .GroupBy(m => (m.InvoiceNumber, Step: m.Step.ToLowerInvariant(), m.Channel))
            .Select(g => (g.Key.InvoiceNumber, g.Key.Step, g.Key.Channel, SentOn: g.Min(m => m.SentOn)))
            .Select(o => (o.Step, o.Channel, byNumber[o.InvoiceNumber].Segment, o.SentOn, byNumber[o.InvoiceNumber].PaidOn))

            // Paid before the message went out: the message cannot have caused it, so it is no observation.
            .Where(o => o.PaidOn is not { } paid || paid >= o.SentOn)
            .Select(o => (o.Step, o.Channel, o.Segment, Delay: o.PaidOn is { } paid && paid.DayNumber - o.SentOn.DayNumber <= paidWithinDays ? paid.DayNumber - o.SentOn.DayNumber : (int?)null))
            .ToList();

        var cells = new List<PaidRateCell>();
        cells.AddRange(observations
            .GroupBy(o => (o.Step, o.Channel, Segment: o.Segment?.ToLowerInvariant()))
            .Select(g => new PaidRateCell(RateLevel.StepChannelSegment, g.Key.Step, g.Key.Channel, g.Key.Segment, g.Count(), g.Count(o => o.Delay is not null))));
        cells.AddRange(observations
            .GroupBy(o => (o.Step, o.Channel))
            .Select(g => new PaidRateCell(RateLevel.StepChannel, g.Key.Step, g.Key.Channel, null, g.Count(), g.Count(o => o.Delay is not null))));

        // At step level an invoice that got the step on two channels is one observation, not two.
        cells.AddRange(messages
            .Where(m => byNumber.ContainsKey(m.InvoiceNumber))
            .GroupBy(m => (m.InvoiceNumber, Step: m.Step.ToLowerInvariant()))
            .Select(g => (g.Key.Step, SentOn: g.Min(m => m.SentOn), byNumber[g.Key.InvoiceNumber].PaidOn))
            .Where(o => o.PaidOn is not { } paid || paid >= o.SentOn)
            .GroupBy(o => o.Step)
            .Select(g => new PaidRateCell(RateLevel.Step, g.Key, null, null, g.Count(), g.Count(o => o.PaidOn is { } paid && paid.DayNumber - o.SentOn.DayNumber <= paidWithinDays))));

        var delays = observations.Where(o => o.Delay is not null).Select(o => o.Delay!.Value).Order().ToList();
        return new PaymentBehaviour
        {
            PaidOnTimeRate = invoices.Count == 0 ? 0 : (double)onTime / invoices.Count,
            PaidOnTimeObservations = invoices.Count,
            PaidWithinDays = paidWithinDays,
            MinimumObservations = minimumObservations,

            // The median delay, so that one late payer does not push every simulated payment back.
            DaysToPayAfterMessage = delays.Count == 0 ? Math.Min(3, paidWithinDays) : delays[delays.Count / 2],
            Cells = cells
                .OrderBy(c => c.Step, StringComparer.Ordinal)
                .ThenBy(c => c.Level)
                .ThenBy(c => c.Channel)
                .ThenBy(c => c.Segment, StringComparer.Ordinal)
                .ToList(),
        };
    }
}
