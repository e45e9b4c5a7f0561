using MimeKit;

namespace Tijdig.Messaging.Email;

/// <summary>Builds the MIME message that both the SMTP sender and the file outbox write.</summary>
public static class MimeMessageFactory
{
    /// <summary>The header that carries the client reference, next to the Message-ID derived from it.</summary>
    public const string ClientReferenceHeader = "X-Tijdig-Client-Reference";

    /// <summary>
    /// Returns the Message-ID (without angle brackets) for a client reference: <c>{clientReference}@{domain}</c>.
    /// The same client reference always gives the same id, so a receiving system can recognise a resend.
    /// </summary>
    public static string MessageIdFor(string clientReference, string domain) => $"{clientReference}@{domain}";

    /// <summary>
    /// Builds the message. Throws <see cref="ParseException"/> when an address is invalid and
    /// <see cref="ArgumentException"/> when the client reference is invalid.
    /// </summary>
    public static MimeMessage Create(EmailMessage message, SmtpOptions sender, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(sender);

        string? invalid = ClientReferences.Validate(message.ClientReference);
        if (invalid is not null)
        {
            throw new ArgumentException(invalid, nameof(message));
        }

        MailboxAddress from = new(sender.FromName ?? "", sender.FromAddress);
        MimeMessage mime = new()
        {
            Subject = message.Subject,
            Date = date,
            MessageId = MessageIdFor(message.ClientReference, MessageIdDomain(sender, from)),
        };
        mime.From.Add(from);
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.To));
        if (!string.IsNullOrWhiteSpace(sender.ReplyToAddress))
        {
            mime.ReplyTo.Add(new MailboxAddress(sender.ReplyToName ?? "", sender.ReplyToAddress));
        }

        mime.Headers.Add(ClientReferenceHeader, message.ClientReference);

        BodyBuilder body = new() { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static string MessageIdDomain(SmtpOptions sender, MailboxAddress from)
    {
        if (!string.IsNullOrWhiteSpace(sender.MessageIdDomain))
        {
            return sender.MessageIdDomain;
        }

        return string.IsNullOrEmpty(from.Domain) ? "localhost" : from.Domain;
    }
}
