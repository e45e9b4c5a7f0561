namespace Tijdig.Data;

/// <summary>One run of the daily dunning cycle, kept for the audit trail and the scheduler.</summary>
public sealed class CycleRun
{
    public long Id { get; set; }

    public DateOnly BusinessDate { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    public int DecisionCount { get; set; }

    public int MessagesQueued { get; set; }
}

/// <summary>A Tikkie notification already handled, keyed by its payment or refund token.</summary>
public sealed class ProcessedNotification
{
    public required string Key { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}

/// <summary>A small piece of installation state, such as the Tikkie subscription id.</summary>
public sealed class AppSetting
{
    public required string Key { get; set; }

    public string? Value { get; set; }
}
