using System.Text.Json.Nodes;
using Tijdig.Messaging.Sms;
using Tijdig.Messaging.Tests.Support;

namespace Tijdig.Messaging.Tests.Sms;

public sealed class CmSmsGatewayTests : IAsyncLifetime
{
    private const string Reference = "tijdig-42";
    private const string CmReference = "tijdig42";

    private FakeCmServer server = null!;
    private readonly HttpClient httpClient = new();
    private readonly ListLogger<CmSmsGateway> logger = new();

    public async Task InitializeAsync() => this.server = await FakeCmServer.StartAsync();

    public async Task DisposeAsync()
    {
        this.httpClient.Dispose();
        await this.server.DisposeAsync();
    }

    [Fact]
    public async Task Send_PostsDocumentedRequestShape()
    {
        CmSmsGateway gateway = this.Gateway();

        SendOutcome outcome = await gateway.SendAsync(new SmsMessage("+31612345678", "Betaal € 12,50 via Tikkie", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        Assert.Equal(CmReference, outcome.ProviderReference);
        JsonNode request = Assert.Single(this.server.Requests);
        JsonNode messages = request["messages"]!;
        Assert.Equal(FakeCmServer.ProductToken, messages["authentication"]!["producttoken"]!.GetValue<string>());
        JsonNode msg = Assert.Single(messages["msg"]!.AsArray())!;
        Assert.Equal("Tijdig", msg["from"]!.GetValue<string>());
        Assert.Equal("0031612345678", Assert.Single(msg["to"]!.AsArray())!["number"]!.GetValue<string>());
        Assert.Equal("auto", msg["body"]!["type"]!.GetValue<string>());
        Assert.Equal("Betaal € 12,50 via Tikkie", msg["body"]!["content"]!.GetValue<string>());
        Assert.Equal(CmReference, msg["reference"]!.GetValue<string>());
        Assert.Equal("SMS", Assert.Single(msg["allowedChannels"]!.AsArray())!.GetValue<string>());
        Assert.Equal(1, msg["minimumNumberOfMessageParts"]!.GetValue<int>());
        Assert.Equal(3, msg["maximumNumberOfMessageParts"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(400, SendStatus.PermanentFailure)]
    [InlineData(401, SendStatus.PermanentFailure)]
    [InlineData(404, SendStatus.PermanentFailure)]
    [InlineData(408, SendStatus.TransientFailure)]
    [InlineData(429, SendStatus.TransientFailure)]
    [InlineData(500, SendStatus.TransientFailure)]
    [InlineData(502, SendStatus.TransientFailure)]
    [InlineData(503, SendStatus.TransientFailure)]
    public async Task Send_MapsHttpStatusToOutcome(int httpStatus, SendStatus expected)
    {
        this.server.ForcedStatus = httpStatus;

        SendOutcome outcome = await this.Gateway().SendAsync(new SmsMessage("+31612345678", "Test", Reference), CancellationToken.None);

        Assert.Equal(expected, outcome.Status);
        Assert.Contains($"HTTP {httpStatus}", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_UnknownProductTokenIsPermanent()
    {
        SendOutcome outcome = await this.Gateway(productToken: "00000000-0000-0000-0000-000000000000")
            .SendAsync(new SmsMessage("+31612345678", "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.Contains("error code 101", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("No account found", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ForeignNumberGetsDoubleZeroPrefix()
    {
        SendOutcome outcome = await this.Gateway().SendAsync(new SmsMessage("+32470123456", "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        JsonNode request = Assert.Single(this.server.Requests);
        Assert.Equal("0032470123456", request["messages"]!["msg"]![0]!["to"]![0]!["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_RejectedMessageIsPermanentWithoutNumber()
    {
        SendOutcome outcome = await this.Gateway().SendAsync(new SmsMessage("+31600000000", "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.Contains("error code 402", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("[number]", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("600000000", outcome.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31612345678")]
    [InlineData("0612345678")]
    [InlineData("+31 6 12345678")]
    [InlineData("")]
    public async Task Send_NonE164NumberIsPermanentWithoutRequest(string to)
    {
        SendOutcome outcome = await this.Gateway().SendAsync(new SmsMessage(to, "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.PermanentFailure, outcome.Status);
        Assert.Empty(this.server.Requests);
    }

    [Fact]
    public async Task Send_TimeoutIsTransient()
    {
        this.server.Hang = true;
        SmsOptions options = Options(this.server.BaseUrl, FakeCmServer.ProductToken);
        options.TimeoutSeconds = 1;

        SendOutcome outcome = await new CmSmsGateway(this.httpClient, options, this.logger)
            .SendAsync(new SmsMessage("+31612345678", "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, outcome.Status);
        Assert.Contains("timed out", outcome.Error, StringComparison.Ordinal);
        Assert.True(outcome.MayHaveBeenAccepted);
    }

    [Fact]
    public async Task Send_ConnectionRefusedIsTransient()
    {
        SmsOptions options = Options($"http://127.0.0.1:{FreePort.Next()}", FakeCmServer.ProductToken);

        SendOutcome outcome = await new CmSmsGateway(this.httpClient, options, this.logger)
            .SendAsync(new SmsMessage("+31612345678", "Test", Reference), CancellationToken.None);

        Assert.Equal(SendStatus.TransientFailure, outcome.Status);
        Assert.False(outcome.MayHaveBeenAccepted);
    }

    [Fact]
    public async Task Send_LogsNoPhoneNumberOrText()
    {
        await this.Gateway().SendAsync(new SmsMessage("+31612345678", "Geheime tekst", Reference), CancellationToken.None);
        this.server.ForcedStatus = 503;
        await this.Gateway().SendAsync(new SmsMessage("+31612345678", "Geheime tekst", Reference), CancellationToken.None);

        Assert.NotEmpty(this.logger.Messages);
        Assert.Contains(Reference, this.logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain("612345678", this.logger.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheime", this.logger.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0f8fad5bd9cb469fa16570867728950e", "0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5bd9cb469fa16570867728950e")]
    [InlineData("tijdig-42", "tijdig42")]
    [InlineData("reminder_1.D123456.2026-12-04", "reminder1D12345620261204")]
    public void ToCmReference_RemovesSeparators(string clientReference, string expected)
    {
        Assert.Equal(expected, CmSmsGateway.ToCmReference(clientReference));
    }

    [Theory]
    [InlineData("a23456789012345678901234567890123")]
    [InlineData("tijdig-reminder-1-debtor-D123456-2026-12-04")]
    [InlineData("")]
    public void ToCmReference_HashesLongReferences(string clientReference)
    {
        string reference = CmSmsGateway.ToCmReference(clientReference);

        Assert.Equal(32, reference.Length);
        Assert.True(reference.All(char.IsAsciiHexDigitLower));
        Assert.Equal(reference, CmSmsGateway.ToCmReference(clientReference));
        Assert.NotEqual(reference, CmSmsGateway.ToCmReference(clientReference + "x"));
    }

    [Theory]
    [InlineData("Tijdig", true)]
    [InlineData("Zonnebloem1", true)]
    [InlineData("Zonnebloem12", false)]
    [InlineData("3197010203040", true)]
    [InlineData("12345678901234567", false)]
    [InlineData("De Zon", false)]
    [InlineData("", false)]
    public void IsValidSender_AllowsElevenAlphanumerics(string sender, bool expected)
    {
        Assert.Equal(expected, CmSmsGateway.IsValidSender(sender));
    }

    private CmSmsGateway Gateway(string productToken = FakeCmServer.ProductToken) =>
        new(this.httpClient, Options(this.server.BaseUrl, productToken), this.logger);

    private static SmsOptions Options(string baseUrl, string productToken) => new()
    {
        BaseUrl = baseUrl,
        ProductToken = productToken,
        Sender = "Tijdig",
        MaximumParts = 3,
        TimeoutSeconds = 10,
    };
}
