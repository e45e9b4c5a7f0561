namespace Tijdig.Outbox;

/// <summary>Log messages of the outbox. They name a message by id only: never an address, number or text.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Outbox message {MessageId} ({Channel}) sent")]
    public static partial void Sent(ILogger logger, long messageId, string channel);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Outbox message {MessageId} cancelled: {Reason}")]
    public static partial void Cancelled(ILogger logger, long messageId, string reason);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed on attempt {Attempt}; retry at {NextAttemptAt}")]
    public static partial void Retrying(ILogger logger, long messageId, int attempt, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed permanently after {Attempts} attempts")]
    public static partial void FailedPermanently(ILogger logger, long messageId, int attempts);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Outbox message {MessageId} waits for the contact window until {NextAttemptAt}")]
    public static partial void QuietHours(ILogger logger, long messageId, DateTimeOffset nextAttemptAt);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "Outbox message {MessageId} replaced by message {FallbackId} on {Channel}")]
    public static partial void FellBack(ILogger logger, long messageId, long fallbackId, string channel);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Outbox message {MessageId} was left in Sending; reconciled as {Outcome}")]
    public static partial void Reconciled(ILogger logger, long messageId, string outcome);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent: {ErrorType}")]
    public static partial void SendError(ILogger logger, Exception exception, long messageId, string errorType);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Delivery report for message {MessageId}: status {StatusCode}, now {Status}")]
    public static partial void DeliveryReport(ILogger logger, long messageId, int statusCode, string status);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "Delivery report for unknown reference {ProviderReference} ignored")]
    public static partial void UnknownDeliveryReport(ILogger logger, string providerReference);

    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Blanked the bodies of {Count} messages older than {Cutoff}")]
    public static partial void BodiesErased(ILogger logger, int count, DateOnly cutoff);
}
