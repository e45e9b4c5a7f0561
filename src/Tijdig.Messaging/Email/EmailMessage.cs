namespace Tijdig.Messaging.Email;

/// <summary>One e-mail to one recipient.</summary>
/// <param name="To">The recipient's address.</param>
/// <param name="ToName">The recipient's display name, or null.</param>
/// <param name="TextBody">The plain-text part, always sent.</param>
/// <param name="HtmlBody">The HTML part; when present the message is multipart/alternative.</param>
/// <param name="ClientReference">
/// The idempotency key, unique per message (see <see cref="ClientReferences.Validate"/>). It names the
/// outbox file and is the local part of the Message-ID, so a resent message carries the same id.
/// </param>
public sealed record EmailMessage(string To, string? ToName, string Subject, string TextBody, string? HtmlBody, string ClientReference);

/// <summary>Sends e-mail through one channel.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends <paramref name="message"/> once. A rejection, network error or timeout is returned as an
    /// outcome. A cancelled <paramref name="ct"/> throws <see cref="OperationCanceledException"/>, and an
    /// unexpected fault, such as a full disk under the file outbox, throws as well.
    /// </summary>
    Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken ct);
}
