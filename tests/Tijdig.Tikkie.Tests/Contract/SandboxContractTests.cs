using Tijdig.Tikkie.Tests.Support;

namespace Tijdig.Tikkie.Tests.Contract;

// Every sandbox response body is checked against the official Tikkie OpenAPI 2.3.3 document.
public sealed class SandboxContractTests
{
    private const string Requests = "/paymentrequests";
    private const string Request = "/paymentrequests/{paymentRequestToken}";
    private const string Payments = "/paymentrequests/{paymentRequestToken}/payments";
    private const string Payment = "/paymentrequests/{paymentRequestToken}/payments/{paymentToken}";
    private const string Refunds = "/paymentrequests/{paymentRequestToken}/payments/{paymentToken}/refunds";
    private const string Refund = "/paymentrequests/{paymentRequestToken}/payments/{paymentToken}/refunds/{refundToken}";
    private const string Subscription = "/paymentrequestssubscription";
    private const string SandboxApps = "/sandboxapps";

    private readonly List<string> failures = [];
    private readonly HashSet<string> covered = [];

    [Fact]
    public async Task EveryResponse_MatchesOfficialSchema()
    {
        var contract = await TikkieContract.GetAsync();
        await using var receiver = await LoopbackServer.StartAsync();
        await using var sandbox = await TestSandbox.StartAsync();

        await CallAsync(contract, sandbox, HttpMethod.Post, SandboxApps, "sandboxapps", "{}", 200);
        var fixedRequest = await CallAsync(contract, sandbox, HttpMethod.Post, Requests, "paymentrequests",
            """{"description":"Factuur 1815","amountInCents":1500,"referenceId":"inv_1815","expiryDate":"2099-01-01"}""", 201, "numberOfPayments", "totalAmountPaidInCents");
        var openRequest = await CallAsync(contract, sandbox, HttpMethod.Post, Requests, "paymentrequests",
            """{"description":"Vrije bijdrage"}""", 201, "numberOfPayments", "totalAmountPaidInCents");
        var token = fixedRequest!.RootElement.GetProperty("paymentRequestToken").GetString()!;
        var openToken = openRequest!.RootElement.GetProperty("paymentRequestToken").GetString()!;

        await CallAsync(contract, sandbox, HttpMethod.Post, Subscription, "paymentrequestssubscription", $$"""{"url":"{{receiver.Url}}"}""", 201);
        var paymentToken = (await sandbox.PayAsync(token)).GetProperty("paymentToken").GetString()!;
        await sandbox.PayAsync(openToken, new { amountInCents = 725 });
        var notification = await receiver.NextBodyAsync();
        failures.AddRange(contract.ValidateComponent("PaymentRequestsSubscriptionNotification", notification).Select(error => "notification: " + error));

        await CallAsync(contract, sandbox, HttpMethod.Get, Request, $"paymentrequests/{token}", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Request, $"paymentrequests/{openToken}", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Requests, "paymentrequests?pageNumber=0&pageSize=10", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Requests, "paymentrequests?pageNumber=0&pageSize=10&fromDateTime=2020-02-04T18:00:00.000Z&toDateTime=2099-03-03T15:00:00.000Z", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payments, $"paymentrequests/{token}/payments?pageNumber=0&pageSize=10", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payments, $"paymentrequests/{token}/payments?pageNumber=0&pageSize=10&includeRefunds=false", null, 200);
        var refund = await CallAsync(contract, sandbox, HttpMethod.Post, Refunds, $"paymentrequests/{token}/payments/{paymentToken}/refunds",
            """{"description":"Refunded 10.00","amountInCents":1000,"referenceId":"inv_1815_ref_1"}""", 201);
        var refundToken = refund!.RootElement.GetProperty("refundToken").GetString()!;
        await CallAsync(contract, sandbox, HttpMethod.Get, Payment, $"paymentrequests/{token}/payments/{paymentToken}", null, 200);
        await CallAsync(contract, sandbox, HttpMethod.Get, Refund, $"paymentrequests/{token}/payments/{paymentToken}/refunds/{refundToken}", null, 200);

        await CallAsync(contract, sandbox, HttpMethod.Post, Requests, "paymentrequests", """{"description":""}""", 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Requests, "paymentrequests?pageSize=51", null, 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Requests, "paymentrequests?pageNumber=0&pageSize=1", null, 401, appToken: "nonsense");
        await CallAsync(contract, sandbox, HttpMethod.Get, Request, "paymentrequests/bad", null, 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Request, "paymentrequests/AAAAAAAAAAAAAAAAAAAAAA", null, 404);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payments, $"paymentrequests/{token}/payments?pageNumber=-1", null, 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payments, "paymentrequests/AAAAAAAAAAAAAAAAAAAAAA/payments?pageNumber=0&pageSize=1", null, 404);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payment, $"paymentrequests/{token}/payments/123", null, 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Payment, $"paymentrequests/{token}/payments/{Guid.NewGuid()}", null, 404);
        await CallAsync(contract, sandbox, HttpMethod.Post, Refunds, $"paymentrequests/{token}/payments/{paymentToken}/refunds", """{"description":"Te veel","amountInCents":99999}""", 400);
        await CallAsync(contract, sandbox, HttpMethod.Post, Refunds, $"paymentrequests/{token}/payments/{Guid.NewGuid()}/refunds", """{"description":"x","amountInCents":1}""", 404);
        await CallAsync(contract, sandbox, HttpMethod.Get, Refund, $"paymentrequests/{token}/payments/{paymentToken}/refunds/x", null, 400);
        await CallAsync(contract, sandbox, HttpMethod.Get, Refund, $"paymentrequests/{token}/payments/{paymentToken}/refunds/BBBBBBBBBBBBBBBBBBBBBB", null, 404);
        await CallAsync(contract, sandbox, HttpMethod.Post, Subscription, "paymentrequestssubscription", "{}", 400);
        await sandbox.SetFaultsAsync(new { failNextRequests = 1 });
        await CallAsync(contract, sandbox, HttpMethod.Post, Requests, "paymentrequests", """{"description":"x"}""", 500);
        await CallAsync(contract, sandbox, HttpMethod.Delete, Subscription, "paymentrequestssubscription", null, 204);

        Assert.Empty(failures);
        Assert.Equal(8, covered.Count);
    }

    [Fact]
    public async Task Validator_RejectsWrongShapes()
    {
        var contract = await TikkieContract.GetAsync();

        var cases = new (string Body, string Why)[]
        {
            ("""{"paymentRequestToken":"x","url":"u","description":"d","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"PAID"}""", "unknown status"),
            ("""{"paymentRequestToken":"x","url":"u","description":"d","createdDateTime":"yesterday","expiryDate":"2020-03-03","status":"OPEN"}""", "bad timestamp"),
            ("""{"paymentRequestToken":"x","url":"u","description":"d","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"OPEN","amountInCent":5}""", "misspelt field"),
            ("""{"paymentRequestToken":"x","url":"u","description":"1234567890123456789012345678901234567","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"OPEN"}""", "description too long"),
        };

        foreach (var (body, why) in cases)
        {
            Assert.True(contract.Validate(Request, "GET", 200, body).Count > 0, why);
        }

        Assert.Empty(contract.Validate(Request, "GET", 200,
            """{"paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","url":"https://tikkie.me/pay/Tikkie/qzdnzr8hnVWTgXXcFRLUMc","amountInCents":1500,"description":"Invoice 1815","referenceId":"inv_1815","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"OPEN","numberOfPayments":2,"totalAmountPaidInCents":3000}"""));
    }

    private async Task<System.Text.Json.JsonDocument?> CallAsync(
        TikkieContract contract, TestSandbox sandbox, HttpMethod method, string template, string path, string? body, int expectedStatus,
        string? extraProperty1 = null, string? extraProperty2 = null, string? appToken = null)
    {
        var (response, json) = await sandbox.ApiAsync(method, path, body, appToken: appToken);
        var label = $"{method} {path} -> {(int)response.StatusCode}";
        covered.Add(template);

        if ((int)response.StatusCode != expectedStatus)
        {
            failures.Add($"{label}: expected {expectedStatus}");
            return json;
        }

        if (!response.Headers.TryGetValues("Trace-Id", out var traceIds) || !Guid.TryParse(traceIds.Single(), out _))
        {
            failures.Add($"{label}: no uuid Trace-Id header");
        }

        if (contract.HasNoBody(template, method.Method, expectedStatus))
        {
            if (json is not null)
            {
                failures.Add($"{label}: expected no body");
            }

            return json;
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            failures.Add($"{label}: content type {response.Content.Headers.ContentType}");
        }

        var extras = new[] { extraProperty1, extraProperty2 }.OfType<string>().ToArray();
        var text = json?.RootElement.GetRawText() ?? "";
        failures.AddRange(contract.Validate(template, method.Method, expectedStatus, text, closed: true, extras).Select(error => $"{label}: {error}"));
        return json;
    }
}
