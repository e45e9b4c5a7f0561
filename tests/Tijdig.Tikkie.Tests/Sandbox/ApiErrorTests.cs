using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Sandbox;

// Requests the client would refuse to send go through a plain HttpClient, to prove the sandbox itself rejects them.
public sealed class ApiErrorTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    public static TheoryData<string, string, string> InvalidCreateBodies => new()
    {
        { """{"amountInCents":100}""", "DESCRIPTION_MISSING", "description was not supplied in the request." },
        { """{"description":""}""", "DESCRIPTION_MISSING", "description was not supplied in the request." },
        { """{"description":"123456789012345678901234567890123456"}""", "DESCRIPTION_MAX_LENGTH_EXCEEDED", "description exceeds the maximum permitted length." },
        { """{"description":"Factuur","referenceId":"INV#123"}""", "REFERENCE_ID_INVALID", "referenceId is in an invalid format." },
        { """{"description":"Factuur","referenceId":"123456789012345678901234567890123456"}""", "REFERENCE_ID_INVALID", "referenceId is in an invalid format." },
        { """{"description":"Factuur","amountInCents":0}""", "AMOUNT_IN_CENTS_INVALID", "amountInCents is in an invalid format." },
        { """{"description":"Factuur","amountInCents":"12"}""", "AMOUNT_IN_CENTS_INVALID", "amountInCents is in an invalid format." },
        { """{"description":"Factuur","expiryDate":"01-02-2030"}""", "EXPIRY_DATE_INVALID", "expiryDate is in an invalid format." },
        { """{"description":"Factuur","expiryDate":"2001-01-01"}""", "EXPIRY_DATE_NOT_ALLOWED", "expiryDate is invalid. This date has passed." },
        { "not json", "DESCRIPTION_MISSING", "description was not supplied in the request." },
    };

    [Theory]
    [MemberData(nameof(InvalidCreateBodies))]
    public async Task Create_InvalidBody_Returns400WithCode(string body, string code, string message)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Post, "paymentrequests", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = json!.RootElement.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("https://developer.abnamro.com", error.GetProperty("reference").GetString());
        Assert.Equal(response.Headers.GetValues("Trace-Id").Single(), error.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task Create_SeveralInvalidFields_ReturnsEveryError()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Post, "paymentrequests", """{"amountInCents":-5,"referenceId":"a;b"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = json!.RootElement.GetProperty("errors").EnumerateArray().Select(error => error.GetProperty("code").GetString()).ToList();
        Assert.Equal(["DESCRIPTION_MISSING", "AMOUNT_IN_CENTS_INVALID", "REFERENCE_ID_INVALID"], codes);
    }

    [Fact]
    public async Task Create_OverConfiguredThreshold_ReturnsMaxAmountExceeded()
    {
        await using var sandbox = await TestSandbox.StartAsync(options => options.MaxAmountInCents = 50000);

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Post, "paymentrequests", new { description = "Factuur", amountInCents = 50001 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("PAYMENT_REQUEST_MAX_AMOUNT_EXCEEDED", json!.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    public static TheoryData<string, string> InvalidPageQueries => new()
    {
        { "pageSize=10", "PAGE_NUMBER_MISSING" },
        { "pageNumber=0", "PAGE_SIZE_MISSING" },
        { "pageNumber=-1&pageSize=10", "PAGE_NUMBER_INVALID" },
        { "pageNumber=x&pageSize=10", "PAGE_NUMBER_INVALID" },
        { "pageNumber=0&pageSize=0", "PAGE_SIZE_INVALID" },
        { "pageNumber=0&pageSize=ten", "PAGE_SIZE_INVALID" },
        { "pageNumber=0&pageSize=51", "PAGE_SIZE_TOO_LARGE" },
        { "pageNumber=0&pageSize=10&fromDateTime=gisteren", "FROM_DATE_TIME_INVALID" },
        { "pageNumber=0&pageSize=10&toDateTime=morgen", "TO_DATE_TIME_INVALID" },
    };

    [Theory]
    [MemberData(nameof(InvalidPageQueries))]
    public async Task List_InvalidPaging_Returns400WithCode(string query, string code)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Get, "paymentrequests?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, json!.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task List_PageSize50_IsAccepted()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var page = await sandbox.Client().ListPaymentRequestsAsync(0, 50, null, null, None);

        Assert.Equal(0, page.TotalElementCount);
    }

    [Fact]
    public async Task Client_BadPageSize_ThrowsBeforeSending()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var before = await sandbox.ApiRequestCountAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sandbox.Client().ListPaymentRequestsAsync(0, 51, null, null, None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sandbox.Client().ListPaymentRequestsAsync(-1, 10, null, null, None));

        Assert.Equal(before, await sandbox.ApiRequestCountAsync());
    }

    [Fact]
    public async Task MissingApiKey_Returns401()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Get, "paymentrequests?pageNumber=0&pageSize=1", apiKey: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("API_KEY_MISSING", json!.RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("not-a-uuid")]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    public async Task WrongAppToken_Returns401AppTokenInvalid(string appToken)
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => sandbox.Client(appToken: appToken).ListPaymentRequestsAsync(0, 10, null, null, None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APP_TOKEN_INVALID", Assert.Single(error.Errors).Code);
        Assert.Equal("appToken is in an invalid format.", error.Errors[0].Message);
    }

    [Fact]
    public async Task AppToken_BoundToFirstApiKey()
    {
        await using var sandbox = await TestSandbox.StartAsync();
        var firstKey = sandbox.BuildProvider(sandbox.Server.ApiBaseAddress, "key-of-first-app", null).GetRequiredService<TikkieClient>();
        var appToken = await firstKey.CreateSandboxAppTokenAsync(None);
        await firstKey.ListPaymentRequestsAsync(0, 10, null, null, None);

        var error = await Assert.ThrowsAsync<TikkieApiException>(
            () => sandbox.Client(apiKey: "key-of-second-app", appToken: appToken).ListPaymentRequestsAsync(0, 10, null, null, None));

        Assert.True(Guid.TryParse(appToken, out _));
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal("APP_TOKEN_ALREADY_IN_USE", Assert.Single(error.Errors).Code);
        Assert.Equal(0, (await firstKey.ListPaymentRequestsAsync(0, 10, null, null, None)).TotalElementCount);
    }

    [Fact]
    public async Task PreregisteredToken_RejectsOtherApiKey()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var error = await Assert.ThrowsAsync<TikkieApiException>(() => sandbox.Client(apiKey: "someone-else").GetPaymentRequestAsync("AAAAAAAAAAAAAAAAAAAAAA", None));

        Assert.True(error.HasError("APP_TOKEN_ALREADY_IN_USE"));
    }

    [Fact]
    public async Task SandboxApps_Returns200WithUuid()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (response, json) = await sandbox.ApiAsync(HttpMethod.Post, "sandboxapps", "{}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Guid.TryParse(json!.RootElement.GetProperty("appToken").GetString(), out _));
        Assert.True(Guid.TryParse(response.Headers.GetValues("Trace-Id").Single(), out _));
    }

    [Fact]
    public async Task Subscribe_MissingOrInvalidUrl_Returns400()
    {
        await using var sandbox = await TestSandbox.StartAsync();

        var (missing, missingJson) = await sandbox.ApiAsync(HttpMethod.Post, "paymentrequestssubscription", "{}");
        var (invalid, invalidJson) = await sandbox.ApiAsync(HttpMethod.Post, "paymentrequestssubscription", new { url = "ftp://example.com/x" });

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("URL_MISSING", Code(missingJson!));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("URL_INVALID", Code(invalidJson!));
    }

    private static string? Code(JsonDocument json) => json.RootElement.GetProperty("errors")[0].GetProperty("code").GetString();
}
