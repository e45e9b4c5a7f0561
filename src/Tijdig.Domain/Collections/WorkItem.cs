namespace Tijdig.Domain.Collections;

/// <summary>A case that needs a person: a return that cannot be retried, an unmatched payment.</summary>
public sealed class WorkItem
{
    public long Id { get; set; }

    public required string Queue { get; set; }

    public long? DebtorId { get; set; }

    public required string Description { get; set; }

    public DateOnly CreatedOn { get; set; }

    public DateOnly? ResolvedOn { get; set; }

    /// <summary>The last day to resolve the item, for tasks with a deadline (a balance statement); null when there is none.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>True when the item has a deadline that passed before <paramref name="today"/> while it is still open.</summary>
    public bool IsOverdue(DateOnly today) => ResolvedOn is null && DueOn is { } due && due < today;

    /// <summary>Unique per cause, so that re-running an import or a cycle does not open it twice.</summary>
    public required string Key { get; set; }
}
