namespace Tijdig.Payments;

/// <summary>Log messages of Tikkie payment requests in Tijdig. They name a request by reference id only.</summary>
internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Adopted Tikkie payment request {ReferenceId} whose creation outcome was unknown")]
    public static partial void AdoptedUnknownOutcome(ILogger logger, string referenceId);
}
