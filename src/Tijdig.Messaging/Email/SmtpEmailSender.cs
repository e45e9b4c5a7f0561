using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Tijdig.Messaging.Email;

/// <summary>
/// Sends e-mail over SMTP with MailKit: one connection per message, authentication when a user name is
/// configured, a multipart text and HTML body, and a Message-ID derived from the client reference.
/// </summary>
/// <remarks>
/// Outcome mapping: a 5xx SMTP reply (for example an unknown mailbox) or an invalid address is
/// permanent. A 4xx reply, a failed connection, TLS or authentication problem, a protocol error and a
/// timeout are transient, because they are fixed on the server or in the configuration, not in the
/// message. Logs name the client reference and the host, never an address.
/// </remarks>
public sealed class SmtpEmailSender : IEmailSender
{
    private readonly SmtpOptions options;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;

    public SmtpEmailSender(SmtpOptions options, TimeProvider timeProvider, ILogger<SmtpEmailSender>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);

        string? invalid = ValidateOptions(options);
        if (invalid is not null)
        {
            throw new ArgumentException(invalid, nameof(options));
        }

        this.options = options;
        this.timeProvider = timeProvider;
        this.logger = logger ?? NullLogger<SmtpEmailSender>.Instance;
    }

    /// <summary>Returns null when <paramref name="options"/> can be used, otherwise what is wrong.</summary>
    public static string? ValidateOptions(SmtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (string.IsNullOrWhiteSpace(options.Host))
        {
            return "Smtp:Host is missing.";
        }

        if (options.Port is < 1 or > 65535)
        {
            return "Smtp:Port must be between 1 and 65535.";
        }

        if (!MailboxAddress.TryParse(options.FromAddress, out _))
        {
            return "Smtp:FromAddress is missing or not an e-mail address.";
        }

        if (!string.IsNullOrWhiteSpace(options.ReplyToAddress) && !MailboxAddress.TryParse(options.ReplyToAddress, out _))
        {
            return "Smtp:ReplyToAddress is not an e-mail address.";
        }

        return options.TimeoutSeconds < 1 ? "Smtp:TimeoutSeconds must be at least 1." : null;
    }

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
            mime = MimeMessageFactory.Create(message, this.options, this.timeProvider.GetUtcNow());
        }
        catch (ParseException)
        {
            return SendOutcome.Permanent("An e-mail address of the message is invalid.");
        }

        using SmtpClient client = new() { Timeout = this.options.TimeoutSeconds * 1000 };
        bool dataStarted = false;
        try
        {
            await client.ConnectAsync(this.options.Host, this.options.Port, this.options.SecureSocketOptions, ct);
            if (!string.IsNullOrEmpty(this.options.UserName))
            {
                await client.AuthenticateAsync(this.options.UserName, this.options.Password ?? "", ct);
            }

            dataStarted = true;
            await client.SendAsync(mime, ct);
            dataStarted = false;
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (SmtpCommandException exception)
        {
            return this.Rejected(message.ClientReference, exception);
        }
        catch (Exception exception) when (IsTransient(exception) && !ct.IsCancellationRequested)
        {
            MessagingLog.EmailFailed(this.logger, this.options.Host, message.ClientReference, exception.GetType().Name);
            string error = $"Sending through SMTP server {this.options.Host} failed: {exception.GetType().Name}.";

            // Once the message is on its way, a lost connection does not tell whether the server kept it.
            return dataStarted ? SendOutcome.Uncertain(error) : SendOutcome.Transient(error);
        }

        MessagingLog.EmailSent(this.logger, this.options.Host, message.ClientReference);
        return SendOutcome.Sent(mime.MessageId);
    }

    private SendOutcome Rejected(string clientReference, SmtpCommandException exception)
    {
        int code = (int)exception.StatusCode;

        // The exception message can quote the rejected address, so only the code and error kind are kept.
        string error = $"SMTP server {this.options.Host} rejected the message with status {code} ({exception.ErrorCode}).";
        SendOutcome outcome = code >= 500 ? SendOutcome.Permanent(error) : SendOutcome.Transient(error);

        MessagingLog.EmailRejected(this.logger, this.options.Host, clientReference, code, exception.ErrorCode.ToString(), outcome.Status);
        return outcome;
    }

    private static bool IsTransient(Exception exception) => exception is
        IOException or SocketException or TimeoutException or OperationCanceledException or
        SmtpProtocolException or AuthenticationException or SslHandshakeException or
        ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException;
}
