using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class ResilienceTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Get_AfterInjected500s_IsRetried()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);
        await sandbox.SetFaultsAsync(new { failNextRequests = 2 });
        var before = await sandbox.ApiRequestCountAsync();

        var fetched = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal(created.PaymentRequestToken, fetched.PaymentRequestToken);
        Assert.Equal(before + 3, await sandbox.ApiRequestCountAsync());
    }

    [Fact]
    public async Task Get_PersistentFailure_ThrowsAfterRetries()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.SetFaultsAsync(new { failNextRequests = 10 });
        var before = await sandbox.ApiRequestCountAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => sandbox.Client().ListPaymentRequestsAsync(0, 10, null, null, None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("INTERNAL_SERVER_ERROR", Assert.Single(error.Errors).Code);
        Assert.Equal(before + 4, await sandbox.ApiRequestCountAsync());
    }

    [Fact]
    public async Task PostCreate_After500_IsNotRetried()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        await sandbox.SetFaultsAsync(new { failNextRequests = 1 });
        var before = await sandbox.ApiRequestCountAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(before + 1, await sandbox.ApiRequestCountAsync());
        Assert.Equal(0, (await client.ListPaymentRequestsAsync(0, 10, null, null, None)).TotalElementCount);
    }

    [Fact]
    public async Task GatewayHtmlError_BecomesUnexpectedResponse()
    {
        await using var gateway = await LoopbackServer.StartAsync();
        gateway.RespondAlways(502, "<html><body>Bad Gateway</body></html>", "text/html");
        await using var sandbox = await TestSandbox.StartAsync();
        var apiBase = new Uri(gateway.Url, "/v2/tikkie/");
        var client = sandbox.BuildProvider(apiBase, TestSandbox.ApiKey, TestSandbox.AppToken).GetRequiredService<TikkieClient>();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => client.GetPaymentRequestAsync("AAAAAAAAAAAAAAAAAAAAAA", None));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        var single = Assert.Single(error.Errors);
        Assert.Equal(TikkieApiException.UnexpectedResponseCode, single.Code);
        Assert.Contains("Bad Gateway", single.Message, StringComparison.Ordinal);
        Assert.Equal(4, gateway.RequestCount);
    }

    [Fact]
    public async Task Logs_NeverContainApiKeyOrAppToken()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);
        await sandbox.SetFaultsAsync(new { failNextRequests = 1 });
        await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);
        await Assert.ThrowsAsync<TikkieApiException>(() => client.GetPaymentRequestAsync("AAAAAAAAAAAAAAAAAAAAAA", None));

        var lines = sandbox.Logs.Lines.ToList();

        Assert.NotEmpty(lines);
        Assert.Contains(lines, line => line.Contains("PAYMENT_REQUEST_NOT_FOUND", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(TestSandbox.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains(TestSandbox.AppToken, StringComparison.Ordinal));
    }
}
