using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

public sealed class PaymentRequestTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Create_ReturnsOpenRequestWithLinkAndDefaults()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();

        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur 2024-001", 1250, "inv_2024-001", null), None);

        Assert.Matches("^[A-Za-z0-9]{22}$", created.PaymentRequestToken);
        Assert.Equal(new Uri(sandbox.Server.BaseAddress, "tikkie-sandbox/pay/" + created.PaymentRequestToken).AbsoluteUri, created.Url);
        Assert.Equal(1250, created.AmountInCents);
        Assert.Equal("Factuur 2024-001", created.Description);
        Assert.Equal("inv_2024-001", created.ReferenceId);
        Assert.Equal(PaymentRequestStatus.Open, created.Status);
        Assert.Equal(0, created.NumberOfPayments);
        Assert.Equal(0, created.TotalAmountPaidInCents);
        var amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(created.CreatedDateTime, amsterdam).DateTime);
        Assert.Equal(today.AddDays(14), created.ExpiryDate);
    }

    [Fact]
    public async Task Get_ReturnsWhatCreateReturned()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Opvang maart", 45000, null, expiry), None);

        var fetched = await client.GetPaymentRequestAsync(created.PaymentRequestToken, None);

        Assert.Equal(created, fetched);
        Assert.Equal(expiry, fetched.ExpiryDate);
        Assert.Null(fetched.ReferenceId);
    }

    [Fact]
    public async Task Create_UsesPublicBaseUrlForLink()
    {
        await using var sandbox = await TestSandbox.StartAsync(options => options.PublicBaseUrl = new Uri("https://betalen.example.nl/"));

        var created = await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        Assert.Equal("https://betalen.example.nl/tikkie-sandbox/pay/" + created.PaymentRequestToken, created.Url);
    }

    [Fact]
    public async Task List_PagesNewestFirst()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var tokens = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            tokens.Add((await client.CreatePaymentRequestAsync(new CreatePaymentRequest($"Factuur {i}", 100 * i, null, null), None)).PaymentRequestToken);
        }

        var first = await client.ListPaymentRequestsAsync(0, 2, null, null, None);
        var second = await client.ListPaymentRequestsAsync(1, 2, null, null, None);
        var beyond = await client.ListPaymentRequestsAsync(5, 2, null, null, None);

        Assert.Equal(3, first.TotalElementCount);
        Assert.Equal([tokens[2], tokens[1]], first.Items.Select(item => item.PaymentRequestToken));
        Assert.Equal([tokens[0]], second.Items.Select(item => item.PaymentRequestToken));
        Assert.Empty(beyond.Items);
        Assert.Equal(3, beyond.TotalElementCount);
    }

    [Fact]
    public async Task List_FiltersOnCreationTime()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var client = sandbox.Client();
        var created = await client.CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);

        var inRange = await client.ListPaymentRequestsAsync(0, 10, created.CreatedDateTime.AddMinutes(-1), created.CreatedDateTime.AddMinutes(1), None);
        var afterwards = await client.ListPaymentRequestsAsync(0, 10, created.CreatedDateTime.AddMinutes(1), null, None);

        Assert.Single(inRange.Items);
        Assert.Empty(afterwards.Items);
        Assert.Equal(0, afterwards.TotalElementCount);
    }

    [Fact]
    public async Task List_OnlyShowsRequestsOfOwnAppToken()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        await sandbox.Client().CreatePaymentRequestAsync(new CreatePaymentRequest("Factuur", 100, null, null), None);
        var otherToken = await sandbox.BuildProvider(sandbox.Server.ApiBaseAddress, "other-key", null)
            .GetRequiredService<TikkieClient>().CreateSandboxAppTokenAsync(None);

        var page = await sandbox.Client(apiKey: "other-key", appToken: otherToken).ListPaymentRequestsAsync(0, 10, null, null, None);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Get_UnknownToken_Returns404()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => sandbox.Client().GetPaymentRequestAsync("AAAAAAAAAAAAAAAAAAAAAA", None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        var single = Assert.Single(error.Errors);
        Assert.Equal("PAYMENT_REQUEST_NOT_FOUND", single.Code);
        Assert.Equal("No payment request found for the specified paymentRequestToken.", single.Message);
        Assert.Equal(404, single.Status);
        Assert.Equal(error.TraceId, single.TraceId);
        Assert.True(Guid.TryParse(error.TraceId, out _));
    }

    [Fact]
    public async Task Get_MalformedToken_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => sandbox.Client().GetPaymentRequestAsync("not-a-token", None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.True(error.HasError("PAYMENT_REQUEST_TOKEN_INVALID"));
    }
}
