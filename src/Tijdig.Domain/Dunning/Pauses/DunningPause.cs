namespace Tijdig.Domain.Dunning.Pauses;

public enum PauseKind
{
    /// <summary>A payment arrangement: the instalments replace the reminders.</summary>
    Arrangement,

    /// <summary>The debtor disputes the claim; a person handles it first.</summary>
    Dispute,

    /// <summary>The debtor promised to pay by <see cref="DunningPause.EndsOn"/>.</summary>
    PromiseToPay,

    Hardship,

    /// <summary>
    /// The one-year moratorium for parents recognised in the childcare-benefits scandal
    /// (toeslagenaffaire): it covers invoices due before <see cref="DunningPause.StartsOn"/>; later invoices are dunned as usual.
    /// </summary>
    Moratorium,

    /// <summary>A pause set on the debtor record itself (<c>Debtor.DunningPausedUntil</c>), without a kind.</summary>
    Unspecified,
}

/// <summary>
/// A pause of dunning for one debtor. Rows are never deleted or overwritten: ending a pause early sets
/// <see cref="EndedOn"/>, so the rows are the audit trail. Dunning resumes by itself after the end date.
/// Dunning-only data: keep it out of exports and agency claims.
/// </summary>
public sealed class DunningPause
{
    public long Id { get; set; }

    public long DebtorId { get; set; }

    public PauseKind Kind { get; set; }

    /// <summary>Why the pause was granted, as the credit team wrote it.</summary>
    public required string Reason { get; set; }

    public DateOnly StartsOn { get; set; }

    /// <summary>The last paused day; dunning resumes on the next day.</summary>
    public DateOnly EndsOn { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Set when the pause was ended before <see cref="EndsOn"/>; the last paused day is the day before.</summary>
    public DateOnly? EndedOn { get; set; }

    public string? EndedBy { get; set; }

    public string? EndReason { get; set; }

    /// <summary>Returns the days this pause covers, shortened when it was ended early.</summary>
    public PauseWindow ToWindow() =>
        new(Kind, StartsOn, EndedOn is { } ended && ended.AddDays(-1) < EndsOn ? ended.AddDays(-1) : EndsOn);
}

/// <summary>The days a pause covers, <see cref="StartsOn"/> to <see cref="LastDay"/> inclusive.</summary>
public sealed record PauseWindow(PauseKind Kind, DateOnly StartsOn, DateOnly LastDay)
{
    public bool IsActiveOn(DateOnly date) => StartsOn <= date && date <= LastDay;
}
