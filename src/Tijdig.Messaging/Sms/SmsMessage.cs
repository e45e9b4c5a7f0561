namespace Tijdig.Messaging.Sms;

/// <summary>One text message to one recipient.</summary>
/// <param name="To">The recipient in E.164 notation, for example <c>+31612345678</c>.</param>
/// <param name="Text">The message text as the recipient will read it.</param>
/// <param name="ClientReference">
/// The idempotency key, unique per message (see <see cref="ClientReferences.Validate"/>). It names the
/// outbox file and is sent to the gateway so that delivery reports map back to this message.
/// </param>
public sealed record SmsMessage(string To, string Text, string ClientReference);

/// <summary>Sends text messages through one SMS channel.</summary>
public interface ISmsGateway
{
    /// <summary>
    /// Sends <paramref name="message"/> once. A rejection, network error or timeout is returned as an
    /// outcome. A cancelled <paramref name="ct"/> throws <see cref="OperationCanceledException"/>, and an
    /// unexpected fault, such as a full disk under the file outbox, throws as well.
    /// </summary>
    Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken ct);
}
