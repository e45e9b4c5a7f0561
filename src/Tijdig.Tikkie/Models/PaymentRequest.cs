namespace Tijdig.Tikkie;

/// <summary>
/// A payment request (betaalverzoek) as returned by create, get and list.
/// </summary>
/// <param name="PaymentRequestToken">Identifier used in later calls.</param>
/// <param name="Url">Payment link to send to the payer.</param>
/// <param name="AmountInCents">Requested amount in euro cents; null for an open request.</param>
/// <param name="Description">Text the payer sees.</param>
/// <param name="ReferenceId">Own reference, or null when none was sent.</param>
/// <param name="CreatedDateTime">Creation time (UTC).</param>
/// <param name="ExpiryDate">Last day the request can be paid.</param>
/// <param name="Status">Status; decide "paid" from <paramref name="NumberOfPayments"/> and <paramref name="TotalAmountPaidInCents"/>, not from this.</param>
/// <param name="NumberOfPayments">Payments collected so far; the official schema omits it on create, so it may be null there.</param>
/// <param name="TotalAmountPaidInCents">Total collected in euro cents; may be null on create for the same reason.</param>
public sealed record PaymentRequest(
    string PaymentRequestToken,
    string Url,
    long? AmountInCents,
    string Description,
    string? ReferenceId,
    DateTimeOffset CreatedDateTime,
    DateOnly ExpiryDate,
    PaymentRequestStatus Status,
    int? NumberOfPayments,
    long? TotalAmountPaidInCents);

/// <summary>
/// One payment on a payment request.
/// </summary>
/// <param name="PaymentToken">Identifier of the payment (a uuid).</param>
/// <param name="TikkieId">Id shown on the payer's bank statement; a string because it has leading zeros.</param>
/// <param name="CounterPartyName">Name of the payer.</param>
/// <param name="CounterPartyAccountNumber">IBAN of the payer; personal data, never log it.</param>
/// <param name="AmountInCents">Amount paid in euro cents.</param>
/// <param name="Description">Description of the payment request.</param>
/// <param name="CreatedDateTime">Time of payment (UTC).</param>
/// <param name="Refunds">Refunds on this payment; null when the list was fetched without refunds.</param>
public sealed record Payment(
    string PaymentToken,
    string TikkieId,
    string CounterPartyName,
    string CounterPartyAccountNumber,
    long AmountInCents,
    string Description,
    DateTimeOffset CreatedDateTime,
    IReadOnlyList<Refund>? Refunds);

/// <summary>
/// A refund on a payment.
/// </summary>
/// <param name="RefundToken">Identifier of the refund.</param>
/// <param name="AmountInCents">Refunded amount in euro cents.</param>
/// <param name="Description">Description of the refund.</param>
/// <param name="ReferenceId">Own reference, or null.</param>
/// <param name="CreatedDateTime">Creation time (UTC).</param>
/// <param name="Status">Pending until executed.</param>
public sealed record Refund(
    string RefundToken,
    long AmountInCents,
    string Description,
    string? ReferenceId,
    DateTimeOffset CreatedDateTime,
    RefundStatus Status);

/// <summary>
/// One page of a list call.
/// </summary>
/// <param name="Items">Items of this page, newest first in the Tijdig sandbox (Tikkie does not document an order).</param>
/// <param name="TotalElementCount">Number of items matching the query over all pages.</param>
public sealed record TikkiePage<T>(IReadOnlyList<T> Items, int TotalElementCount);
