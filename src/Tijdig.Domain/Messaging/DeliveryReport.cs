namespace Tijdig.Domain.Messaging;

/// <summary>
/// One status report from the SMS provider, kept as received (without the phone number) so a
/// message left in Sending after a crash can be reconciled from it.
/// </summary>
public sealed class DeliveryReport
{
    public long Id { get; set; }

    /// <summary>The provider's reference, for CM the <c>reference</c> field (<c>tijdig42</c> for message 42).</summary>
    public required string ProviderReference { get; set; }

    /// <summary>The outbox message the reference maps to; null when it maps to none.</summary>
    public long? MessageId { get; set; }

    /// <summary>The provider's status code, for CM 0 accepted, 1 rejected, 2 delivered, 3 failed.</summary>
    public int StatusCode { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorDescription { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
