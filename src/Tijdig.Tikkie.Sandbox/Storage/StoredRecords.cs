namespace Tijdig.Tikkie.Sandbox.Storage;

internal sealed record StoredPaymentRequest(
    string Token,
    string AppToken,
    long? AmountInCents,
    string Description,
    string? ReferenceId,
    DateTimeOffset Created,
    DateOnly ExpiryDate,
    int? MaxPayments,
    bool Closed,
    int NumberOfPayments,
    long TotalAmountPaidInCents)
{
    // EXPIRED is computed on read, so it follows the sandbox clock without a background job.
    public string StatusOn(DateOnly today)
    {
        if (Closed)
        {
            return "CLOSED";
        }

        if (MaxPayments is { } max && NumberOfPayments >= max)
        {
            return "MAX_SUCCESSFUL_PAYMENTS_REACHED";
        }

        return today > ExpiryDate ? "EXPIRED" : "OPEN";
    }
}

internal sealed record StoredPayment(
    string Token,
    string RequestToken,
    string TikkieId,
    string CounterPartyName,
    string CounterPartyAccountNumber,
    long AmountInCents,
    string Description,
    DateTimeOffset Created);

internal sealed record StoredRefund(
    string Token,
    string PaymentToken,
    long AmountInCents,
    string Description,
    string? ReferenceId,
    DateTimeOffset Created,
    string Status);

internal sealed record StoredSubscription(string AppToken, string SubscriptionId, string Url);

internal sealed record PageRequest(int PageNumber, int PageSize, DateTimeOffset? From, DateTimeOffset? To);
