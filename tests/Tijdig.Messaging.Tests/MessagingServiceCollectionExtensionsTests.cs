using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Messaging.Email;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Templates;
using Tijdig.Messaging.Tests.Support;

namespace Tijdig.Messaging.Tests;

public sealed class MessagingServiceCollectionExtensionsTests : IDisposable
{
    private readonly TemporaryDirectory outbox = new();

    public void Dispose() => this.outbox.Dispose();

    [Fact]
    public async Task LocalMode_WritesToDefaultOutbox()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>());

        ISmsGateway sms = provider.GetRequiredService<ISmsGateway>();
        IEmailSender email = provider.GetRequiredService<IEmailSender>();
        await sms.SendAsync(new SmsMessage("+31612345678", "Test", "di-sms"), CancellationToken.None);

        Assert.IsType<FileSmsGateway>(sms);
        Assert.IsType<FileEmailSender>(email);
        Assert.IsType<MessageTemplates>(provider.GetRequiredService<ITemplateRenderer>());
        Assert.True(File.Exists(Path.Combine(this.outbox.Path, "sms", "di-sms.json")));
    }

    [Fact]
    public void LocalMode_ConfiguredOutboxWins()
    {
        string configured = Path.Combine(this.outbox.Path, "configured");
        using ServiceProvider provider = Build(new Dictionary<string, string?> { ["OutboxDirectory"] = configured });

        FileSmsGateway sms = Assert.IsType<FileSmsGateway>(provider.GetRequiredService<ISmsGateway>());

        Assert.Equal(Path.Combine(configured, "sms"), sms.Directory);
    }

    [Fact]
    public void LiveMode_RegistersCmAndSmtp()
    {
        using ServiceProvider provider = Build(new Dictionary<string, string?>
        {
            ["Mode"] = "Live",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = "2525",
            ["Smtp:SecureSocketOptions"] = "None",
            ["Smtp:FromAddress"] = "debiteuren@kinderopvang.example.nl",
            ["Sms:BaseUrl"] = "http://127.0.0.1:9",
            ["Sms:ProductToken"] = "6f1c1a5e-0000-4000-8000-000000000001",
            ["Sms:Sender"] = "Zonnebloem",
        });

        Assert.IsType<CmSmsGateway>(provider.GetRequiredService<ISmsGateway>());
        Assert.IsType<SmtpEmailSender>(provider.GetRequiredService<IEmailSender>());
        Assert.Equal(MailKit.Security.SecureSocketOptions.None, provider.GetRequiredService<MessagingOptions>().Smtp.SecureSocketOptions);
    }

    [Theory]
    [InlineData("Live", "Smtp:Host")]
    [InlineData("Outbox", "Messaging:Mode 'Outbox' is invalid")]
    public void InvalidSettings_Throw(string mode, string expected)
    {
        InvalidOperationException exception = Assert.Throws<InvalidOperationException>(() =>
            Build(new Dictionary<string, string?> { ["Mode"] = mode }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    private ServiceProvider Build(Dictionary<string, string?> settings)
    {
        IConfiguration section = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddTijdigMessaging(section, this.outbox.Path).BuildServiceProvider();
    }
}
