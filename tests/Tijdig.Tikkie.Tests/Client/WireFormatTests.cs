using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Tijdig.Tikkie.Tests.Client;

// The JSON examples of the Tikkie contract: they parse into the models and serialize back unchanged.
public sealed class WireFormatTests
{
    private const string CreateRequest = """{"description":"my description","referenceId":"ref_1234","amountInCents":200,"expiryDate":"2030-01-01"}""";
    private const string CreateResponse = """{"paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","url":"https://tikkie.me/pay/Tikkie/qzdnzr8hnVWTgXXcFRLUMc","amountInCents":1500,"description":"Invoice 1815","referenceId":"inv_1815","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"OPEN"}""";
    private const string GetResponse = """{"paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","url":"https://tikkie.me/pay/Tikkie/qzdnzr8hnVWTgXXcFRLUMc","amountInCents":1500,"description":"Invoice 1815","referenceId":"inv_1815","createdDateTime":"2019-09-09T12:34:56.000Z","expiryDate":"2020-03-03","status":"OPEN","numberOfPayments":2,"totalAmountPaidInCents":3000}""";
    private const string NoReference = """{"paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","url":"https://tikkie.me/pay/Tikkie/qzdnzr8hnVWTgXXcFRLUMc","amountInCents":2000,"description":"Invoice 1815","createdDateTime":"2022-08-31T11:22:33.000Z","expiryDate":"2022-09-14","status":"OPEN","numberOfPayments":1,"totalAmountPaidInCents":1000,"referenceId":null}""";
    private const string Refund = """{"refundToken":"abcdzr8hnVWTgXXcFRLUMc","amountInCents":1000,"description":"Refunded 10.00 for broken product.","referenceId":"inv_1815_ref_1","createdDateTime":"2019-09-09T12:34:56.000Z","status":"PAID"}""";
    private const string Payment = """{"paymentToken":"21ef7413-cc3c-4c80-9272-6710fada28e4","tikkieId":"000012345678","counterPartyName":"E. Xample","counterPartyAccountNumber":"NL01ABNA1234567890","amountInCents":1500,"description":"Invoice 1815","createdDateTime":"2019-09-09T12:34:56.000Z","refunds":[""" + Refund + "]}";
    private const string RefundRequest = """{"description":"Refund of €5","referenceId":"ref_1234","amountInCents":500}""";

    [Fact]
    public void CreateRequest_SerializesAsDocumented()
    {
        var request = new CreatePaymentRequest("my description", 200, "ref_1234", new DateOnly(2030, 1, 1));

        AssertSameJson(CreateRequest, JsonSerializer.Serialize(request, TikkieJson.Options));
    }

    [Fact]
    public void RefundRequest_SerializesAsDocumented()
    {
        var refund = new CreateRefund("Refund of €5", 500, "ref_1234");

        AssertSameJson(RefundRequest, JsonSerializer.Serialize(refund, TikkieJson.Options));
    }

    [Theory]
    [InlineData(CreateResponse)]
    [InlineData(GetResponse)]
    public void PaymentRequest_RoundTrips(string json)
    {
        var request = JsonSerializer.Deserialize<PaymentRequest>(json, TikkieJson.Options)!;

        Assert.Equal("qzdnzr8hnVWTgXXcFRLUMc", request.PaymentRequestToken);
        Assert.Equal(new DateTimeOffset(2019, 9, 9, 12, 34, 56, TimeSpan.Zero), request.CreatedDateTime);
        Assert.Equal(new DateOnly(2020, 3, 3), request.ExpiryDate);
        Assert.Equal(PaymentRequestStatus.Open, request.Status);
        AssertSameJson(json, JsonSerializer.Serialize(request, TikkieJson.Options));
    }

    [Fact]
    public void PaymentRequest_NullReferenceAndCounts()
    {
        var request = JsonSerializer.Deserialize<PaymentRequest>(NoReference, TikkieJson.Options)!;

        Assert.Null(request.ReferenceId);
        Assert.Equal(1, request.NumberOfPayments);
        Assert.Equal(1000, request.TotalAmountPaidInCents);
        Assert.Equal(request.CreatedDateTime.Date.AddDays(14), request.ExpiryDate.ToDateTime(TimeOnly.MinValue));
    }

    [Fact]
    public void Payment_RoundTripsWithRefunds()
    {
        var payment = JsonSerializer.Deserialize<Payment>(Payment, TikkieJson.Options)!;

        Assert.Equal("000012345678", payment.TikkieId);
        Assert.Equal(RefundStatus.Paid, Assert.Single(payment.Refunds!).Status);
        AssertSameJson(Payment, JsonSerializer.Serialize(payment, TikkieJson.Options));
    }

    [Fact]
    public void Lists_ParseIntoPages()
    {
        var requests = JsonSerializer.Deserialize<PaymentRequestList>("""{"paymentRequests":[""" + GetResponse + """],"totalElementCount":75}""", TikkieJson.Options)!;
        var payments = JsonSerializer.Deserialize<PaymentList>("""{"payments":[""" + Payment + """],"totalElementCount":75}""", TikkieJson.Options)!;

        Assert.Equal(75, requests.TotalElementCount);
        Assert.Equal(3000, Assert.Single(requests.PaymentRequests!).TotalAmountPaidInCents);
        Assert.Equal(75, payments.TotalElementCount);
        Assert.Single(payments.Payments!);
    }

    [Fact]
    public void Timestamp_LenientRead_StrictWrite()
    {
        var value = JsonSerializer.Deserialize<DateTimeOffset>("\"2022-08-31 11:22:33\"", TikkieJson.Options);

        Assert.Equal(new DateTimeOffset(2022, 8, 31, 11, 22, 33, TimeSpan.Zero), value);
        Assert.Equal("\"2022-08-31T11:22:33.000Z\"", JsonSerializer.Serialize(value, TikkieJson.Options));
    }

    public static TheoryData<string, TikkieNotification> Notifications => new()
    {
        {
            """{"subscriptionId":"6289db02-d422-4e93-b65c-30fa973bd341","notificationType":"PAYMENT","paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","paymentToken":"21ef7413-cc3c-4c80-9272-6710fada28e4"}""",
            new TikkieNotification("6289db02-d422-4e93-b65c-30fa973bd341", TikkieNotificationType.Payment, "qzdnzr8hnVWTgXXcFRLUMc", "21ef7413-cc3c-4c80-9272-6710fada28e4", null, null)
        },
        {
            """{"subscriptionId":"6289db02-d422-4e93-b65c-30fa973bd341","notificationType":"REFUND","paymentRequestToken":"qzdnzr8hnVWTgXXcFRLUMc","paymentToken":"21ef7413-cc3c-4c80-9272-6710fada28e4","refundToken":"abcdzr8hnVWTgXXcFRLUMc"}""",
            new TikkieNotification("6289db02-d422-4e93-b65c-30fa973bd341", TikkieNotificationType.Refund, "qzdnzr8hnVWTgXXcFRLUMc", "21ef7413-cc3c-4c80-9272-6710fada28e4", "abcdzr8hnVWTgXXcFRLUMc", null)
        },
        {
            """{"subscriptionId":"5505d055-89e9-48b7-913d-8414d9f8d3cd","notificationType":"BUNDLE","bundleId":"af8fa035-3275-44fc-9a9b-a38c02efa114"}""",
            new TikkieNotification("5505d055-89e9-48b7-913d-8414d9f8d3cd", TikkieNotificationType.Bundle, null, null, null, "af8fa035-3275-44fc-9a9b-a38c02efa114")
        },
    };

    [Theory]
    [MemberData(nameof(Notifications))]
    public void Notification_Parses(string json, TikkieNotification expected)
    {
        Assert.True(TikkieNotification.TryParse(json, out var notification));
        Assert.Equal(expected, notification);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"notificationType":"PAYMENT","paymentRequestToken":"a","paymentToken":"b"}""")]
    [InlineData("""{"subscriptionId":"s","notificationType":"CHARGEBACK","paymentRequestToken":"a","paymentToken":"b"}""")]
    [InlineData("""{"subscriptionId":"s","notificationType":"PAYMENT","paymentRequestToken":"a"}""")]
    [InlineData("""{"subscriptionId":"s","notificationType":"REFUND","paymentRequestToken":"a","paymentToken":"b"}""")]
    public void Notification_Malformed_IsRejected(string json)
    {
        Assert.False(TikkieNotification.TryParse(json, out var notification));
        Assert.Null(notification);
    }

    public static TheoryData<int, string, string, string> ErrorBodies => new()
    {
        { 400, """{"errors":[{"code":"PAGE_NUMBER_MISSING","message":"pageNumber was not supplied in the query.","reference":"https://developer.abnamro.com","status":400,"traceId":"5e332871-7f05-4de6-975e-27de0a369629"}]}""", "PAGE_NUMBER_MISSING", "pageNumber was not supplied in the query." },
        { 401, """{"errors":[{"code":"APP_TOKEN_INVALID","message":"appToken is in an invalid format.","reference":"https://developer.abnamro.com","status":401,"traceId":"5e332871-7f05-4de6-975e-27de0a369629"}]}""", "APP_TOKEN_INVALID", "appToken is in an invalid format." },
        { 403, """{"errors":[{"code":"PAYMENT_REQUEST_FORBIDDEN","message":"appToken does not have permission to create or get payment requests.","reference":"https://developer.abnamro.com","status":403,"traceId":"5e332871-7f05-4de6-975e-27de0a369629"}]}""", "PAYMENT_REQUEST_FORBIDDEN", "appToken does not have permission to create or get payment requests." },
        { 404, """{"errors":[{"code":"PAYMENT_REQUEST_NOT_FOUND","message":"No payment request was found for the specified paymentRequestToken.","reference":"https://developer.abnamro.com","status":404,"traceId":"5e332871-7f05-4de6-975e-27de0a369629"}]}""", "PAYMENT_REQUEST_NOT_FOUND", "No payment request was found for the specified paymentRequestToken." },
        { 400, """{"errors":[{"code":"DESCRIPTION_MISSING","message":"description was not supplied in the request.","reference":"https://developer.abnamro.com","status":400,"traceId":"5e332871-7f05-4de6-975e-27de0a369629"}]}""", "DESCRIPTION_MISSING", "description was not supplied in the request." },
    };

    [Theory]
    [MemberData(nameof(ErrorBodies))]
    public void ErrorEnvelope_BecomesException(int status, string body, string code, string message)
    {
        var exception = TikkieClient.ErrorReader.FromBody((HttpStatusCode)status, body, traceId: null);

        Assert.Equal((HttpStatusCode)status, exception.StatusCode);
        Assert.Equal(new TikkieError(code, message, status, "5e332871-7f05-4de6-975e-27de0a369629"), Assert.Single(exception.Errors));
        Assert.Equal("5e332871-7f05-4de6-975e-27de0a369629", exception.TraceId);
        Assert.Contains(code, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html>Service Unavailable</html>")]
    [InlineData("")]
    [InlineData("""{"message":"Limit exceeded"}""")]
    public void NonEnvelopeBody_BecomesUnexpectedResponse(string body)
    {
        var exception = TikkieClient.ErrorReader.FromBody(HttpStatusCode.ServiceUnavailable, body, "trace-1");

        var error = Assert.Single(exception.Errors);
        Assert.Equal(TikkieApiException.UnexpectedResponseCode, error.Code);
        Assert.Equal(503, error.Status);
        Assert.Equal("trace-1", error.TraceId);
    }

    private static void AssertSameJson(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected)!.AsObject();

        // The documented examples write an absent referenceId as null; the client leaves it out.
        foreach (var name in expectedNode.Where(pair => pair.Value is null).Select(pair => pair.Key).ToList())
        {
            expectedNode.Remove(name);
        }

        Assert.True(JsonNode.DeepEquals(expectedNode, JsonNode.Parse(actual)), $"Expected {expectedNode.ToJsonString()} but got {actual}");
    }
}
