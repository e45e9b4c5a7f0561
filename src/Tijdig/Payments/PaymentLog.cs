namespace Tijdig.Payments;

/// <summary>Log messages of Tikkie payment requests in Tijdig. They name a request by reference id only.</summary>
internal static partial class PaymentLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Adopted Tikkie payment request {ReferenceId} whose creation outcome was unknown")]
    public static partial void AdoptedUnknownOutcome(ILogger logger, string referenceId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "The Tikkie list from {From} changed from {Expected} to {Actual} requests while its pages were read in parallel; reading it again page by page")]
    public static partial void ListChangedDuringParallelRead(ILogger logger, DateTimeOffset from, int expected, int actual);
}
