namespace Tijdig.Tikkie;

// Shapes that exist only on the wire; the public API exposes TikkiePage<T> and plain strings instead.
internal sealed record PaymentRequestList(IReadOnlyList<PaymentRequest>? PaymentRequests, int TotalElementCount);

internal sealed record PaymentList(IReadOnlyList<Payment>? Payments, int TotalElementCount);

internal sealed record SubscribeRequest(string Url);

internal sealed record SubscribeResponse(string? SubscriptionId);

internal sealed record SandboxAppResponse(string? AppToken);

internal sealed record ErrorEnvelope(IReadOnlyList<TikkieError>? Errors);
