using MailKit.Security;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Tests.Support;

namespace Tijdig.Messaging.Tests.Email;

public sealed class SmtpEmailSenderTests : IAsyncLifetime
{
    private const string PaymentLink = "https://tikkie.me/pay/Tijdig/abc123";
    private const string ArrangementLink = "https://portaal.example.nl/regeling?debiteur=D123456";

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(1)));
    private readonly ListLogger<SmtpEmailSender> logger = new();
    private TestSmtpServer server = null!;

    public Task InitializeAsync()
    {
        this.server = TestSmtpServer.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await this.server.DisposeAsync();

    [Fact]
    public async Task Send_DeliversHeadersAndBothParts()
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);
        EmailMessage message = Message("ouder@example.nl", "reminder-1.D123456.20261204");

        SendOutcome outcome = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        Assert.Equal("reminder-1.D123456.20261204@kinderopvang.example.nl", outcome.ProviderReference);
        MimeMessage received = Assert.Single(this.server.Received);
        MailboxAddress from = Assert.IsType<MailboxAddress>(Assert.Single(received.From));
        Assert.Equal("debiteuren@kinderopvang.example.nl", from.Address);
        Assert.Equal("Kinderopvang De Zonnebloem", from.Name);
        MailboxAddress to = Assert.IsType<MailboxAddress>(Assert.Single(received.To));
        Assert.Equal("ouder@example.nl", to.Address);
        Assert.Equal("Sanne de Vries", to.Name);
        MailboxAddress replyTo = Assert.IsType<MailboxAddress>(Assert.Single(received.ReplyTo));
        Assert.Equal("klantenservice@kinderopvang.example.nl", replyTo.Address);
        Assert.Equal("Herinnering: nog € 1.234,56 te betalen", received.Subject);
        Assert.Equal("reminder-1.D123456.20261204@kinderopvang.example.nl", received.MessageId);
        Assert.Equal("reminder-1.D123456.20261204", received.Headers[MimeMessageFactory.ClientReferenceHeader]);
        Assert.Equal(this.clock.GetUtcNow(), received.Date);

        Multipart alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Contains(PaymentLink, received.TextBody, StringComparison.Ordinal);
        Assert.Contains(ArrangementLink, received.TextBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{PaymentLink}\">", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"{ArrangementLink}\">", received.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("€ 1.234,56", received.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TextOnlyMessageIsSinglePart()
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);

        SendOutcome outcome = await sender.SendAsync(Message("ouder@example.nl", "text-only") with { HtmlBody = null }, CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        MimeMessage received = Assert.Single(this.server.Received);
        TextPart text = Assert.IsType<TextPart>(received.Body);
        Assert.True(text.IsPlain);
        Assert.Null(received.HtmlBody);
    }

    [Fact]
    public async Task Send_ResendKeepsMessageId()
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);

        await sender.SendAsync(Message("ouder@example.nl", "retry-1"), CancellationToken.None);
        this.clock.Advance(TimeSpan.FromMinutes(10));
        await sender.SendAsync(Message("ouder@example.nl", "retry-1"), CancellationToken.None);

        Assert.Equal(2, this.server.Received.Count);
        Assert.Single(this.server.Received.Select(message => message.MessageId).Distinct());
    }

    [Fact]
    public async Task Send_RejectedRecipientIsPermanent()
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);

        SendOutcome outcome = await sender.SendAsync(Message("reject-me@example.nl", "rejected-1"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.Contains("status 5", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("reject-me@example.nl", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(this.server.Received);
    }

    [Fact]
    public async Task Send_NoServerIsTransient()
    {
        SmtpEmailSender sender = new(this.Options(FreePort.Next()), this.clock, this.logger);

        SendOutcome outcome = await sender.SendAsync(Message("ouder@example.nl", "no-server-1"), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, outcome.Status);
    }

    [Theory]
    [InlineData("geen-adres")]
    [InlineData("ouder@@example.nl")]
    public async Task Send_InvalidAddressIsPermanent(string to)
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);

        SendOutcome outcome = await sender.SendAsync(Message(to, "invalid-1"), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.Empty(this.server.Received);
    }

    [Fact]
    public async Task Send_LogsNoAddress()
    {
        SmtpEmailSender sender = new(this.Options(this.server.Port), this.clock, this.logger);

        await sender.SendAsync(Message("ouder@example.nl", "log-1"), CancellationToken.None);
        await sender.SendAsync(Message("reject-me@example.nl", "log-2"), CancellationToken.None);

        Assert.Equal(2, this.logger.Messages.Count);
        Assert.Contains("log-1", this.logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain("@example.nl", this.logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain("@kinderopvang", this.logger.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RejectsIncompleteOptions()
    {
        SmtpOptions options = this.Options(this.server.Port);
        options.FromAddress = "";

        ArgumentException exception = Assert.Throws<ArgumentException>(() => new SmtpEmailSender(options, this.clock));

        Assert.Contains("Smtp:FromAddress", exception.Message, StringComparison.Ordinal);
    }

    private SmtpOptions Options(int port) => new()
    {
        Host = "127.0.0.1",
        Port = port,
        SecureSocketOptions = SecureSocketOptions.None,
        FromAddress = "debiteuren@kinderopvang.example.nl",
        FromName = "Kinderopvang De Zonnebloem",
        ReplyToAddress = "klantenservice@kinderopvang.example.nl",
        ReplyToName = "Klantenservice",
        TimeoutSeconds = 10,
    };

    private static EmailMessage Message(string to, string clientReference) => new(
        to,
        "Sanne de Vries",
        "Herinnering: nog € 1.234,56 te betalen",
        $"Beste Sanne,\n\nU moet nog € 1.234,56 betalen.\n\nBetaal met Tikkie:\n{PaymentLink}\n\nRegeling:\n{ArrangementLink}",
        $"<p>U moet nog € 1.234,56 betalen.</p><p><a href=\"{PaymentLink}\">{PaymentLink}</a></p><p><a href=\"{ArrangementLink}\">{ArrangementLink}</a></p>",
        clientReference);
}
