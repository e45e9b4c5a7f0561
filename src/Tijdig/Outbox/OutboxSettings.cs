namespace Tijdig.Outbox;

/// <summary>How the dispatcher sends, retries, falls back and keeps messages; bound from the "Outbox" section.</summary>
public sealed class OutboxSettings
{
    /// <summary>No SMS between 20:00 and 07:00, on Sundays and on general holidays.</summary>
    public bool SmsQuietHours { get; set; } = true;

    /// <summary>The same contact window for e-mail.</summary>
    public bool EmailQuietHours { get; set; }

    /// <summary>
    /// Whether quiet hours hold in Messaging:Mode Local too. Off by default: the file outbox reaches no
    /// parent, and <c>cycle run --date</c> for another day must write its files whatever the time of day.
    /// </summary>
    public bool QuietHoursInLocalMode { get; set; }

    /// <summary>Days equated with holidays by royal decree (such as the Friday after Ascension), as yyyy-MM-dd.</summary>
    public List<DateOnly> ExtraHolidays { get; set; } = [];

    /// <summary>Attempts before a message with transient failures goes to the work queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Minutes to wait after the first, second, ... transient failure; the last value repeats.</summary>
    public List<int> BackoffMinutes { get; set; } = [1, 5, 30, 120, 480];

    /// <summary>Send an e-mail instead when an SMS cannot go out: no mobile number, rejected or undeliverable.</summary>
    public bool FallbackSmsToEmail { get; set; } = true;

    /// <summary>
    /// Minutes after which a message left in Sending, with no delivery report, becomes a work item for
    /// a person to check in the provider's log. Such a message is never resent automatically in Live mode.
    /// </summary>
    public int UnconfirmedAfterMinutes { get; set; } = 60;

    /// <summary>Days a message's subject and body are kept as proof; after that they are blanked. 0 keeps them forever.</summary>
    public int BodyRetentionDays { get; set; } = 400;

    /// <summary>When set, delivery reports must carry <c>?key=</c> with this value; CM signs nothing itself.</summary>
    public string? DeliveryReportKey { get; set; }

    /// <summary>
    /// The HMAC key of the signed arrangement links, base64 of at least 32 bytes. Empty means a random key
    /// kept in <c>arrangement-links.key</c> in the data directory.
    /// </summary>
    public string? ArrangementLinkKey { get; set; }

    /// <summary>Days an arrangement link in a message stays valid.</summary>
    public int ArrangementLinkValidDays { get; set; } = 60;

    /// <summary>
    /// Messages per batch of <see cref="ParallelOutboxDispatcher"/>: each batch is claimed, gets its Tikkie
    /// attempts and is committed with a fixed number of statements, whatever its size.
    /// </summary>
    public int DispatchBatchSize { get; set; } = 50;

    /// <summary>
    /// Batches that <see cref="ParallelOutboxDispatcher"/> runs at a time in the daily cycle and the
    /// scheduler, and so the maximum number of Tikkie create calls in flight. Values below 1 count as 1.
    /// </summary>
    public int Workers { get; set; } = 4;

    public TimeSpan Backoff(int attempts)
    {
        var minutes = BackoffMinutes.Count == 0 ? 5 : BackoffMinutes[Math.Clamp(attempts - 1, 0, BackoffMinutes.Count - 1)];
        return TimeSpan.FromMinutes(minutes);
    }
}
