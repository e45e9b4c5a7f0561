namespace Tijdig.Tikkie;

/// <summary>
/// Body of <c>POST /paymentrequests</c>.
/// </summary>
/// <param name="Description">Text the payer sees, 1 to 35 characters.</param>
/// <param name="AmountInCents">Amount in euro cents. Null creates an open request where the payer chooses the amount.</param>
/// <param name="ReferenceId">Own reference, such as an invoice number, matching <see cref="TikkieValidation.ReferenceIdPattern"/>.</param>
/// <param name="ExpiryDate">Last day the request can be paid. Null lets Tikkie default to 14 days after creation.</param>
public sealed record CreatePaymentRequest(string Description, long? AmountInCents, string? ReferenceId, DateOnly? ExpiryDate);

/// <summary>
/// Body of <c>POST /paymentrequests/{paymentRequestToken}/payments/{paymentToken}/refunds</c>.
/// </summary>
/// <param name="Description">Text of the refund, 1 to 35 characters.</param>
/// <param name="AmountInCents">Amount to refund in euro cents; the sum of refunds may exceed the payment by at most 2500 cents.</param>
/// <param name="ReferenceId">Own reference matching <see cref="TikkieValidation.ReferenceIdPattern"/>.</param>
public sealed record CreateRefund(string Description, long AmountInCents, string? ReferenceId);
