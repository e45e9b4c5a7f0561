using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Tijdig.Messaging.Email;

/// <summary>
/// The Local-mode sender: writes each e-mail once to <c>{outbox}/email/{clientReference}.eml</c>, the
/// same MIME message the SMTP sender would send. Sending the same client reference again leaves the
/// first file as it is and reports <see cref="SendStatus.Sent"/>.
/// </summary>
public sealed class FileEmailSender(string outboxDirectory, SmtpOptions sender, TimeProvider timeProvider, ILogger<FileEmailSender>? logger = null) : IEmailSender
{
    /// <summary>The From address used when the configuration has none.</summary>
    public const string DefaultFromAddress = "tijdig@localhost";

    private readonly ILogger logger = logger ?? NullLogger<FileEmailSender>.Instance;

    public string Directory { get; } = Path.Combine(outboxDirectory, "email");

    public async Task<SendOutcome> SendAsync(EmailMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);

        string? invalid = ClientReferences.Validate(message.ClientReference);
        if (invalid is not null)
        {
            return SendOutcome.Permanent(invalid);
        }

        MimeMessage mime;
        try
        {
            mime = MimeMessageFactory.Create(message, WithDefaultSender(sender), timeProvider.GetUtcNow());
        }
        catch (ParseException)
        {
            return SendOutcome.Permanent("An e-mail address of the message is invalid.");
        }

        string path = Path.Combine(Directory, message.ClientReference + ".eml");
        bool created = await OutboxFiles.WriteOnceAsync(path, (stream, token) => mime.WriteToAsync(stream, token), ct);

        if (created)
        {
            MessagingLog.EmailWrittenToOutbox(this.logger, message.ClientReference);
        }
        else
        {
            MessagingLog.DuplicateClientReference(this.logger, "email", message.ClientReference);
        }

        return SendOutcome.Sent(mime.MessageId);
    }

    private static SmtpOptions WithDefaultSender(SmtpOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.FromAddress))
        {
            return options;
        }

        return new SmtpOptions
        {
            FromAddress = DefaultFromAddress,
            FromName = options.FromName,
            ReplyToAddress = options.ReplyToAddress,
            ReplyToName = options.ReplyToName,
            MessageIdDomain = options.MessageIdDomain,
        };
    }
}
