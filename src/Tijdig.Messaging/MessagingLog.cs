using Microsoft.Extensions.Logging;

namespace Tijdig.Messaging;

/// <summary>
/// Log messages of the messaging library. They name messages by client reference only: never a
/// phone number, e-mail address or message text.
/// </summary>
internal static partial class MessagingLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "SMS {ClientReference} written to the outbox ({Segments} segments)")]
    public static partial void SmsWrittenToOutbox(ILogger logger, string clientReference, int segments);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "E-mail {ClientReference} written to the outbox")]
    public static partial void EmailWrittenToOutbox(ILogger logger, string clientReference);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Warning, Message = "The {Channel} outbox already contains {ClientReference}; nothing was written")]
    public static partial void DuplicateClientReference(ILogger logger, string channel, string clientReference);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "CM accepted SMS {ClientReference} as reference {CmReference}")]
    public static partial void SmsAccepted(ILogger logger, string clientReference, string cmReference);

    [LoggerMessage(EventId = 4011, Level = LogLevel.Warning, Message = "CM did not accept SMS {ClientReference}: HTTP {StatusCode}, CM error {CmErrorCode}, outcome {Status}")]
    public static partial void SmsNotAccepted(ILogger logger, string clientReference, int statusCode, int? cmErrorCode, SendStatus status);

    [LoggerMessage(EventId = 4012, Level = LogLevel.Warning, Message = "Sending SMS {ClientReference} to CM failed without an answer")]
    public static partial void SmsRequestFailed(ILogger logger, Exception exception, string clientReference);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "SMTP server {Host} accepted e-mail {ClientReference}")]
    public static partial void EmailSent(ILogger logger, string host, string clientReference);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "SMTP server {Host} rejected e-mail {ClientReference} with status {SmtpStatus} ({SmtpError}), outcome {Status}")]
    public static partial void EmailRejected(ILogger logger, string host, string clientReference, int smtpStatus, string smtpError, SendStatus status);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Sending e-mail {ClientReference} through {Host} failed: {ErrorType}")]
    public static partial void EmailFailed(ILogger logger, string host, string clientReference, string errorType);
}
