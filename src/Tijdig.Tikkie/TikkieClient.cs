using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Tijdig.Tikkie;

/// <summary>
/// Client of the ABN AMRO Tikkie API v2. Register it with
/// <see cref="TikkieServiceCollectionExtensions.AddTikkieClient"/> to get retries on GET.
/// Every call throws <see cref="TikkieApiException"/> on a non-2xx response and
/// <see cref="ArgumentException"/> when an input would be rejected by Tikkie.
/// The API key and app token are sent as headers and never logged.
/// </summary>
public sealed class TikkieClient(HttpClient http, IOptions<TikkieOptions> options, ILogger<TikkieClient> logger, TimeProvider? timeProvider = null)
{
    private const string ApiKeyHeader = "API-Key";
    private const string AppTokenHeader = "X-App-Token";
    private const string TraceIdHeader = "Trace-Id";

    private readonly TikkieOptions settings = options.Value;
    private readonly TimeProvider clock = timeProvider ?? TimeProvider.System;
    private string? appToken = options.Value.AppToken;

    /// <summary>Creates a payment request. Never retried, because Tikkie has no idempotency key and a retry could create a second link.</summary>
    public async Task<PaymentRequest> CreatePaymentRequestAsync(CreatePaymentRequest request, CancellationToken ct)
    {
        TikkieValidation.CheckPaymentRequest(request, settings.MaxAmountInCents, AmsterdamCalendar.Today(clock));

        using var message = CreateMessage(HttpMethod.Post, "paymentrequests");
        message.Content = JsonContent.Create(request, options: TikkieJson.Options);
        var created = await SendAsync<PaymentRequest>(message, "createPaymentRequest", ct);

        TikkieLog.PaymentRequestCreated(logger, created.PaymentRequestToken);
        return created;
    }

    /// <summary>Gets one payment request.</summary>
    public Task<PaymentRequest> GetPaymentRequestAsync(string paymentRequestToken, CancellationToken ct)
    {
        var path = "paymentrequests/" + Escape(paymentRequestToken, nameof(paymentRequestToken));
        return GetAsync<PaymentRequest>(path, "getPaymentRequest", ct);
    }

    /// <summary>Lists payment requests created between <paramref name="from"/> and <paramref name="to"/> (both optional).</summary>
    /// <param name="pageNumber">Page to fetch, from 0.</param>
    /// <param name="pageSize">Items per page, 1 to 50.</param>
    /// <param name="from">Earliest creation time, or null.</param>
    /// <param name="to">Latest creation time, or null.</param>
    /// <param name="ct">Cancels the call.</param>
    public async Task<TikkiePage<PaymentRequest>> ListPaymentRequestsAsync(int pageNumber, int pageSize, DateTimeOffset? from, DateTimeOffset? to, CancellationToken ct)
    {
        var query = PageQuery(pageNumber, pageSize, from, to);
        var list = await GetAsync<PaymentRequestList>("paymentrequests" + query, "getPaymentRequestList", ct);
        return new TikkiePage<PaymentRequest>(list.PaymentRequests ?? [], list.TotalElementCount);
    }

    /// <summary>Lists the payments of one payment request.</summary>
    public async Task<TikkiePage<Payment>> ListPaymentsAsync(string paymentRequestToken, int pageNumber, int pageSize, bool includeRefunds, CancellationToken ct)
    {
        var path = "paymentrequests/" + Escape(paymentRequestToken, nameof(paymentRequestToken)) + "/payments"
            + PageQuery(pageNumber, pageSize, null, null)
            + "&includeRefunds=" + (includeRefunds ? "true" : "false");
        var list = await GetAsync<PaymentList>(path, "getPaymentList", ct);
        return new TikkiePage<Payment>(list.Payments ?? [], list.TotalElementCount);
    }

    /// <summary>Gets one payment; use it to confirm a webhook notification before acting on it.</summary>
    public Task<Payment> GetPaymentAsync(string paymentRequestToken, string paymentToken, CancellationToken ct)
    {
        var path = PaymentPath(paymentRequestToken, paymentToken);
        return GetAsync<Payment>(path, "getPayment", ct);
    }

    /// <summary>Creates a refund on a payment. Never retried.</summary>
    public async Task<Refund> CreateRefundAsync(string paymentRequestToken, string paymentToken, CreateRefund request, CancellationToken ct)
    {
        TikkieValidation.CheckRefund(request);
        var path = PaymentPath(paymentRequestToken, paymentToken) + "/refunds";

        using var message = CreateMessage(HttpMethod.Post, path);
        message.Content = JsonContent.Create(request, options: TikkieJson.Options);
        var refund = await SendAsync<Refund>(message, "createRefund", ct);

        TikkieLog.RefundCreated(logger, refund.RefundToken, paymentRequestToken);
        return refund;
    }

    /// <summary>Gets one refund.</summary>
    public Task<Refund> GetRefundAsync(string paymentRequestToken, string paymentToken, string refundToken, CancellationToken ct)
    {
        var path = PaymentPath(paymentRequestToken, paymentToken) + "/refunds/" + Escape(refundToken, nameof(refundToken));
        return GetAsync<Refund>(path, "getRefund", ct);
    }

    /// <summary>
    /// Subscribes <paramref name="notificationUrl"/> to payment and refund notifications and returns the subscription id.
    /// Tikkie keeps one subscription per app token, so this replaces any earlier one.
    /// </summary>
    public async Task<string> SubscribeAsync(Uri notificationUrl, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notificationUrl);
        if (!notificationUrl.IsAbsoluteUri)
        {
            throw new ArgumentException($"notificationUrl '{notificationUrl}' must be absolute.", nameof(notificationUrl));
        }

        using var message = CreateMessage(HttpMethod.Post, "paymentrequestssubscription");
        message.Content = JsonContent.Create(new SubscribeRequest(notificationUrl.AbsoluteUri), options: TikkieJson.Options);
        var response = await SendAsync<SubscribeResponse>(message, "subscribePaymentRequestNotifications", ct);

        return response.SubscriptionId ?? throw MissingField("subscriptionId");
    }

    /// <summary>Deletes the notification subscription of this app token.</summary>
    public async Task UnsubscribeAsync(CancellationToken ct)
    {
        using var message = CreateMessage(HttpMethod.Delete, "paymentrequestssubscription");
        using var response = await SendRawAsync(message, "deletePaymentRequestNotifications", ct);
    }

    /// <summary>
    /// Creates an app token with every permission (sandbox only) and returns it. When the options
    /// have no app token, this client instance uses the new one for its later calls.
    /// </summary>
    public async Task<string> CreateSandboxAppTokenAsync(CancellationToken ct)
    {
        using var message = CreateMessage(HttpMethod.Post, "sandboxapps", includeAppToken: false);
        message.Content = JsonContent.Create(new { }, options: TikkieJson.Options);
        var response = await SendAsync<SandboxAppResponse>(message, "createSandboxApp", ct);

        var token = response.AppToken ?? throw MissingField("appToken");
        appToken ??= token;
        return token;
    }

    private async Task<T> GetAsync<T>(string path, string operation, CancellationToken ct)
    {
        using var message = CreateMessage(HttpMethod.Get, path);
        return await SendAsync<T>(message, operation, ct);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage message, string operation, CancellationToken ct)
    {
        using var response = await SendRawAsync(message, operation, ct);
        try
        {
            var body = await response.Content.ReadFromJsonAsync<T>(TikkieJson.Options, ct);
            return body ?? throw MissingField("body");
        }
        catch (JsonException exception)
        {
            TikkieLog.UnreadableResponse(logger, exception, operation, (int)response.StatusCode);
            throw new TikkieApiException(
                response.StatusCode,
                [new TikkieError(TikkieApiException.UnexpectedResponseCode, "The response body is not the documented JSON.", (int)response.StatusCode, TraceId(response))],
                TraceId(response));
        }
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpRequestMessage message, string operation, CancellationToken ct)
    {
        var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var exception = await ErrorReader.ReadAsync(response, ct);
            TikkieLog.CallFailed(logger, operation, (int)response.StatusCode, string.Join(",", exception.Errors.Select(error => error.Code)), exception.TraceId);
            throw exception;
        }
    }

    private HttpRequestMessage CreateMessage(HttpMethod method, string relativePath, bool includeAppToken = true)
    {
        var message = new HttpRequestMessage(method, new Uri(BaseUri(), relativePath));
        message.Headers.Accept.ParseAdd("application/json");
        message.Headers.TryAddWithoutValidation(ApiKeyHeader, settings.ApiKey);

        if (includeAppToken)
        {
            var token = appToken ?? throw new InvalidOperationException(
                "TikkieOptions.AppToken is not set; configure it or call CreateSandboxAppTokenAsync first.");
            message.Headers.TryAddWithoutValidation(AppTokenHeader, token);
        }

        return message;
    }

    private Uri BaseUri()
    {
        var baseUrl = http.BaseAddress?.AbsoluteUri ?? settings.BaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            throw new InvalidOperationException("TikkieOptions.BaseUrl is not set.");
        }

        return new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
    }

    private static string PaymentPath(string paymentRequestToken, string paymentToken) =>
        "paymentrequests/" + Escape(paymentRequestToken, nameof(paymentRequestToken)) + "/payments/" + Escape(paymentToken, nameof(paymentToken));

    private static string PageQuery(int pageNumber, int pageSize, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pageNumber);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 50);

        var query = string.Create(CultureInfo.InvariantCulture, $"?pageNumber={pageNumber}&pageSize={pageSize}");
        if (from is { } start)
        {
            query += "&fromDateTime=" + Uri.EscapeDataString(TikkieTimestampConverter.ToWire(start));
        }

        if (to is { } end)
        {
            query += "&toDateTime=" + Uri.EscapeDataString(TikkieTimestampConverter.ToWire(end));
        }

        return query;
    }

    private static string Escape(string token, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token, name);
        return Uri.EscapeDataString(token);
    }

    private static string? TraceId(HttpResponseMessage response) =>
        response.Headers.TryGetValues(TraceIdHeader, out var values) ? values.FirstOrDefault() : null;

    private static InvalidOperationException MissingField(string field) =>
        new($"The Tikkie response has no {field}.");

    // Reads the documented error envelope, falling back to one synthetic error for gateway pages.
    internal static class ErrorReader
    {
        public static async Task<TikkieApiException> ReadAsync(HttpResponseMessage response, CancellationToken ct)
        {
            var traceId = TraceId(response);
            var body = await response.Content.ReadAsStringAsync(ct);
            return FromBody(response.StatusCode, body, traceId);
        }

        public static TikkieApiException FromBody(HttpStatusCode status, string body, string? traceId)
        {
            try
            {
                var envelope = JsonSerializer.Deserialize<ErrorEnvelope>(body, TikkieJson.Options);
                var errors = envelope?.Errors?.Where(error => error?.Code is not null).ToList();
                if (errors is { Count: > 0 })
                {
                    return new TikkieApiException(status, errors, traceId ?? errors[0].TraceId);
                }
            }
            catch (JsonException)
            {
                // Not JSON: a gateway or proxy page. Handled below.
            }

            var text = body.Length > 200 ? body[..200] : body;
            var message = string.IsNullOrWhiteSpace(text) ? "The response has no error body." : text.Trim();
            return new TikkieApiException(status, [new TikkieError(TikkieApiException.UnexpectedResponseCode, message, (int)status, traceId)], traceId);
        }
    }
}
