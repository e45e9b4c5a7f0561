using MailKit.Security;

namespace Tijdig.Messaging;

/// <summary>Configuration of the messaging channels, bound from one configuration section.</summary>
public sealed class MessagingOptions
{
    public const string LocalMode = "Local";
    public const string LiveMode = "Live";

    /// <summary>
    /// <c>Local</c> writes every message to <see cref="OutboxDirectory"/> and sends nothing;
    /// <c>Live</c> sends SMS through CM.com and e-mail over SMTP.
    /// </summary>
    public string Mode { get; set; } = LocalMode;

    /// <summary>The folder for Local mode. Empty means the default the host passes in.</summary>
    public string OutboxDirectory { get; set; } = "";

    /// <summary>A folder with <c>{step}.{channel}.{language}.liquid</c> files that replace the built-in templates; empty means none.</summary>
    public string? TemplateDirectory { get; set; }

    public SmtpOptions Smtp { get; set; } = new();

    public SmsOptions Sms { get; set; } = new();
}

/// <summary>Settings of the SMTP server that sends e-mail in Live mode.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary>Whether and how TLS is used; a configuration value is one of the MailKit enum names, for example <c>StartTls</c>.</summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>The account name; when empty the sender does not authenticate.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string FromAddress { get; set; } = "";

    public string? FromName { get; set; }

    public string? ReplyToAddress { get; set; }

    public string? ReplyToName { get; set; }

    /// <summary>The domain part of generated Message-IDs; empty means the domain of <see cref="FromAddress"/>.</summary>
    public string? MessageIdDomain { get; set; }

    /// <summary>Timeout of one SMTP operation, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Settings of the CM.com Business Messaging gateway used in Live mode.</summary>
public sealed class SmsOptions
{
    /// <summary>The gateway root; requests go to <c>{BaseUrl}/v1.0/message</c>. Tests point it at a local server.</summary>
    public string BaseUrl { get; set; } = "https://gw.messaging.cm.com";

    /// <summary>The CM product token (a GUID), sent in the request body.</summary>
    public string ProductToken { get; set; } = "";

    /// <summary>The sender shown on the phone: at most 11 letters and digits, or a number of at most 16 digits.</summary>
    public string Sender { get; set; } = "";

    /// <summary>The maximum number of parts CM may split one message into; longer texts are rejected by CM.</summary>
    public int MaximumParts { get; set; } = 3;

    /// <summary>Timeout of one request, in seconds.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}
