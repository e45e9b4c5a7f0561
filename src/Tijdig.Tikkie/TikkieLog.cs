using Microsoft.Extensions.Logging;

namespace Tijdig.Tikkie;

// Log messages of the client. They carry tokens and codes only: never headers, names or IBANs.
internal static partial class TikkieLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Created Tikkie payment request {PaymentRequestToken}")]
    public static partial void PaymentRequestCreated(ILogger logger, string paymentRequestToken);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Created Tikkie refund {RefundToken} on payment request {PaymentRequestToken}")]
    public static partial void RefundCreated(ILogger logger, string refundToken, string paymentRequestToken);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Tikkie call {Operation} failed with HTTP {StatusCode}, codes {ErrorCodes}, trace id {TraceId}")]
    public static partial void CallFailed(ILogger logger, string operation, int statusCode, string errorCodes, string? traceId);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Tikkie call {Operation} returned HTTP {StatusCode} with a body that is not the documented JSON")]
    public static partial void UnreadableResponse(ILogger logger, Exception exception, string operation, int statusCode);
}
