using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Tests.Support;

namespace Tijdig.Messaging.Tests.Email;

public sealed class FileEmailSenderTests : IDisposable
{
    private readonly TemporaryDirectory outbox = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.FromHours(1)));
    private readonly SmtpOptions sender = new() { FromAddress = "debiteuren@kinderopvang.example.nl", FromName = "De Zonnebloem" };

    public void Dispose() => this.outbox.Dispose();

    [Fact]
    public async Task Send_WritesEmlReadableByMimeKit()
    {
        FileEmailSender emailSender = new(this.outbox.Path, this.sender, this.clock);

        SendOutcome outcome = await emailSender.SendAsync(Message("mail-1", "Eerste"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        MimeMessage written = await MimeMessage.LoadAsync(Path.Combine(this.outbox.Path, "email", "mail-1.eml"));
        Assert.Equal("mail-1@kinderopvang.example.nl", written.MessageId);
        Assert.Equal("ouder@example.nl", Assert.IsType<MailboxAddress>(Assert.Single(written.To)).Address);
        Assert.Equal("Eerste", written.Subject);
        Assert.Equal("Tekst", written.TextBody?.TrimEnd());
        Assert.Equal("<p>HTML</p>", written.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task Send_SameReferenceTwiceWritesOnce()
    {
        FileEmailSender emailSender = new(this.outbox.Path, this.sender, this.clock);

        SendOutcome first = await emailSender.SendAsync(Message("mail-2", "Eerste"), CancellationToken.None);
        SendOutcome retry = await emailSender.SendAsync(Message("mail-2", "Tweede"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, retry.Status);
        Assert.Equal(first.ProviderReference, retry.ProviderReference);
        string file = Assert.Single(Directory.GetFiles(Path.Combine(this.outbox.Path, "email")));
        Assert.Equal("Eerste", (await MimeMessage.LoadAsync(file)).Subject);
    }

    [Fact]
    public async Task Send_WithoutFromAddressUsesLocalDefault()
    {
        FileEmailSender emailSender = new(this.outbox.Path, new SmtpOptions(), this.clock);

        await emailSender.SendAsync(Message("mail-3", "Eerste"), CancellationToken.None);

        MimeMessage written = await MimeMessage.LoadAsync(Path.Combine(this.outbox.Path, "email", "mail-3.eml"));
        Assert.Equal(FileEmailSender.DefaultFromAddress, Assert.IsType<MailboxAddress>(Assert.Single(written.From)).Address);
        Assert.Equal("mail-3@localhost", written.MessageId);
    }

    private static EmailMessage Message(string clientReference, string subject) =>
        new("ouder@example.nl", "Sanne de Vries", subject, "Tekst", "<p>HTML</p>", clientReference);
}
