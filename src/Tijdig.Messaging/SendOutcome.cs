namespace Tijdig.Messaging;

/// <summary>The result of handing one message to a channel.</summary>
public enum SendStatus
{
    /// <summary>The provider accepted the message. Acceptance is not delivery.</summary>
    Sent,

    /// <summary>The message was not accepted, or it is unknown whether it was, and a later attempt may succeed.</summary>
    TransientFailure,

    /// <summary>The provider rejected the message and resending the same message will fail again.</summary>
    PermanentFailure,
}

/// <summary>
/// The outcome of one send attempt: the status, the provider's reference when it gave one, and an
/// error text without personal data (no address or phone number) when the attempt failed.
/// </summary>
public sealed record SendOutcome(SendStatus Status, string? ProviderReference, string? Error)
{
    public static SendOutcome Sent(string? providerReference) => new(SendStatus.Sent, providerReference, null);

    public static SendOutcome Transient(string error) => new(SendStatus.TransientFailure, null, error);

    public static SendOutcome Permanent(string error) => new(SendStatus.PermanentFailure, null, error);
}
