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
    /// <summary>
    /// True when the attempt failed after the message may have reached the provider, such as a timeout
    /// waiting for CM's answer or a connection lost after the SMTP DATA command. Resending could then
    /// deliver the message twice, so the outbox checks the provider instead of retrying.
    /// </summary>
    public bool MayHaveBeenAccepted { get; init; }

    public static SendOutcome Sent(string? providerReference) => new(SendStatus.Sent, providerReference, null);

    public static SendOutcome Transient(string error) => new(SendStatus.TransientFailure, null, error);

    /// <summary>A transient failure after which the provider may have accepted the message; see <see cref="MayHaveBeenAccepted"/>.</summary>
    public static SendOutcome Uncertain(string error) => new(SendStatus.TransientFailure, null, error) { MayHaveBeenAccepted = true };

    public static SendOutcome Permanent(string error) => new(SendStatus.PermanentFailure, null, error);
}
