namespace Tijdig.Tikkie;

/// <summary>Status of a payment request. On the wire these are upper snake case, for example <c>MAX_SUCCESSFUL_PAYMENTS_REACHED</c>.</summary>
public enum PaymentRequestStatus
{
    /// <summary>Open and ready to be paid.</summary>
    Open,

    /// <summary>Removed by a user in the Tikkie app or portal; it cannot be paid any more.</summary>
    Closed,

    /// <summary>The expiry date has passed.</summary>
    Expired,

    /// <summary>The maximum amount in euros agreed with the organisation was reached.</summary>
    MaxYieldReached,

    /// <summary>
    /// The maximum number of payments was reached. With an account limited to one payment per request
    /// this is how a paid request shows, because Tikkie has no "paid" status.
    /// </summary>
    MaxSuccessfulPaymentsReached,
}

/// <summary>Status of a refund.</summary>
public enum RefundStatus
{
    /// <summary>Scheduled; it runs once the account has enough money.</summary>
    Pending,

    /// <summary>Executed.</summary>
    Paid,
}
