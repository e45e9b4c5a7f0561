using Tijdig.Domain.Messaging;

namespace Tijdig.Domain.Dunning.Replay;

/// <summary>How finely a paid rate was estimated: the replay falls back to a coarser level when a cell has too few observations.</summary>
public enum RateLevel
{
    StepChannelSegment,
    StepChannel,
    Step,
}

/// <summary>
/// One cell of observed history: of <see cref="Observations"/> invoices still open when a message of
/// <see cref="Step"/> went out, <see cref="Paid"/> were paid within the estimator's window.
/// <see cref="Channel"/> is null at <see cref="RateLevel.Step"/>; <see cref="Segment"/> is null for the
/// default segment, and for every level coarser than <see cref="RateLevel.StepChannelSegment"/>.
/// </summary>
public sealed record PaidRateCell(RateLevel Level, string Step, MessageChannel? Channel, string? Segment, int Observations, int Paid)
{
    public double Rate => Observations == 0 ? 0 : (double)Paid / Observations;
}

/// <summary>
/// How parents are assumed to respond: the share that pays on time, and for each message the share of
/// the invoices still open that is paid after it. <see cref="RateFor"/> picks the finest cell with at
/// least <see cref="MinimumObservations"/> observations.
/// </summary>
public sealed class PaymentBehaviour
{
    public double PaidOnTimeRate { get; init; }

    /// <summary>The invoices the on-time rate was counted over; 0 when it was set by hand.</summary>
    public int PaidOnTimeObservations { get; init; }

    /// <summary>Days between a message and the payment it brings, in the replay.</summary>
    public int DaysToPayAfterMessage { get; init; } = 3;

    /// <summary>The window the rates were counted in: paid within this many days after the message.</summary>
    public int PaidWithinDays { get; init; } = 14;

    public int MinimumObservations { get; init; } = 30;

    public IReadOnlyList<PaidRateCell> Cells { get; init; } = [];

    /// <summary>
    /// Returns the rate for a message of <paramref name="step"/> on <paramref name="channel"/> to a debtor in
    /// <paramref name="segment"/>: (step, channel, segment), else (step, channel), else (step), each only
    /// with enough observations. The step cell is used even when it has fewer, as the last resort; a step
    /// never seen has rate 0.
    /// </summary>
    public PaidRateCell RateFor(string step, MessageChannel? channel, string? segment)
    {
        var candidates = Cells.Where(c => string.Equals(c.Step, step, StringComparison.OrdinalIgnoreCase)).ToList();
        var fine = candidates.Find(c => c.Level == RateLevel.StepChannelSegment && c.Channel == channel && string.Equals(c.Segment, segment, StringComparison.OrdinalIgnoreCase));
        if (channel is not null && fine is { } cell && cell.Observations >= MinimumObservations)
        {
            return cell;
        }

        var byChannel = candidates.Find(c => c.Level == RateLevel.StepChannel && c.Channel == channel);
        if (channel is not null && byChannel is { } channelCell && channelCell.Observations >= MinimumObservations)
        {
            return channelCell;
        }

        return candidates.Find(c => c.Level == RateLevel.Step) ?? new PaidRateCell(RateLevel.Step, step, null, null, 0, 0);
    }

    /// <summary>Creates behaviour with one hand-set rate per step, for tests and for a what-if without history.</summary>
    public static PaymentBehaviour ByStep(double paidOnTimeRate, IReadOnlyDictionary<string, double> paidRateByStep, int daysToPayAfterMessage = 3) => new()
    {
        PaidOnTimeRate = paidOnTimeRate,
        DaysToPayAfterMessage = daysToPayAfterMessage,
        MinimumObservations = 0,
        Cells = paidRateByStep
            .Select(p => new PaidRateCell(RateLevel.Step, p.Key, null, null, 1_000_000, (int)Math.Round(p.Value * 1_000_000)))
            .ToList(),
    };
}
