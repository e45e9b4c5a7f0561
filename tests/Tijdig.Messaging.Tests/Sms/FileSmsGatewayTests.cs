using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Tests.Support;

namespace Tijdig.Messaging.Tests.Sms;

public sealed class FileSmsGatewayTests : IDisposable
{
    private readonly TemporaryDirectory outbox = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 4, 9, 30, 0, TimeSpan.FromHours(1)));
    private readonly ListLogger<FileSmsGateway> logger = new();

    public void Dispose() => this.outbox.Dispose();

    [Fact]
    public async Task Send_WritesJsonWithAnalysis()
    {
        FileSmsGateway gateway = new(this.outbox.Path, this.clock, this.logger);

        SendOutcome outcome = await gateway.SendAsync(new SmsMessage("+31612345678", "Betaal € 12,50", "sms-1"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        string path = Path.Combine(this.outbox.Path, "sms", "sms-1.json");
        using JsonDocument document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
        JsonElement root = document.RootElement;
        Assert.Equal("+31612345678", root.GetProperty("to").GetString());
        Assert.Equal("Betaal € 12,50", root.GetProperty("text").GetString());
        Assert.Equal(1, root.GetProperty("segments").GetInt32());
        Assert.Equal("GSM-7", root.GetProperty("encoding").GetString());
        Assert.Equal(15, root.GetProperty("characters").GetInt32());
        Assert.Equal(this.clock.GetUtcNow(), root.GetProperty("sentAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Send_SameReferenceTwiceWritesOnce()
    {
        FileSmsGateway gateway = new(this.outbox.Path, this.clock, this.logger);

        SendOutcome first = await gateway.SendAsync(new SmsMessage("+31612345678", "Eerste", "sms-2"), CancellationToken.None);
        this.clock.Advance(TimeSpan.FromMinutes(5));
        SendOutcome retry = await gateway.SendAsync(new SmsMessage("+31612345678", "Tweede", "sms-2"), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, retry.Status);
        string file = Assert.Single(Directory.GetFiles(Path.Combine(this.outbox.Path, "sms")));
        Assert.Contains("Eerste", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ConcurrentRetriesWriteOnce()
    {
        FileSmsGateway gateway = new(this.outbox.Path, this.clock, this.logger);

        SendOutcome[] outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i =>
            Task.Run(() => gateway.SendAsync(new SmsMessage("+31612345678", $"Poging {i}", "sms-3"), CancellationToken.None))));

        Assert.All(outcomes, outcome => Assert.Equal(SendStatus.Sent, outcome.Status));
        Assert.Single(Directory.GetFiles(Path.Combine(this.outbox.Path, "sms")));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    [InlineData("")]
    [InlineData("met spatie")]
    public async Task Send_UnsafeReferenceIsPermanent(string clientReference)
    {
        FileSmsGateway gateway = new(this.outbox.Path, this.clock, this.logger);

        SendOutcome outcome = await gateway.SendAsync(new SmsMessage("+31612345678", "Test", clientReference), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.False(Directory.Exists(Path.Combine(this.outbox.Path, "sms")) && Directory.EnumerateFileSystemEntries(Path.Combine(this.outbox.Path, "sms")).Any());
    }

    [Fact]
    public async Task Send_LogsNoPhoneNumber()
    {
        FileSmsGateway gateway = new(this.outbox.Path, this.clock, this.logger);

        await gateway.SendAsync(new SmsMessage("+31612345678", "Test", "sms-4"), CancellationToken.None);
        await gateway.SendAsync(new SmsMessage("+31612345678", "Test", "sms-4"), CancellationToken.None);

        Assert.Equal(2, this.logger.Messages.Count);
        Assert.DoesNotContain("612345678", this.logger.All, StringComparison.Ordinal);
    }
}
