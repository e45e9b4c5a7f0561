using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Tijdig.Messaging.Sms;

/// <summary>
/// Sends SMS through the CM.com Business Messaging JSON API (<c>POST {BaseUrl}/v1.0/message</c>). The
/// product token travels in the body, the recipient as <c>00</c> plus the international number, and
/// the client reference as CM's <c>reference</c>, which comes back in CM's status reports.
/// </summary>
/// <remarks>
/// Outcome mapping: HTTP 2xx with the message <c>Accepted</c> is <see cref="SendStatus.Sent"/>; a
/// rejected message or any other 4xx is permanent, except 408 and 429; 5xx, 408, 429, network errors
/// and timeouts are transient. CM does not deduplicate, so after a timeout the message may have been
/// accepted: check CM's message log before resending.
/// </remarks>
public sealed partial class CmSmsGateway : ISmsGateway
{
    private readonly HttpClient httpClient;
    private readonly SmsOptions options;
    private readonly ILogger logger;
    private readonly Uri endpoint;

    public CmSmsGateway(HttpClient httpClient, SmsOptions options, ILogger<CmSmsGateway>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);

        string? invalid = ValidateOptions(options);
        if (invalid is not null)
        {
            throw new ArgumentException(invalid, nameof(options));
        }

        this.httpClient = httpClient;
        this.options = options;
        this.logger = logger ?? NullLogger<CmSmsGateway>.Instance;
        this.endpoint = new Uri(options.BaseUrl.TrimEnd('/') + "/v1.0/message", UriKind.Absolute);
    }

    /// <summary>Returns null when <paramref name="options"/> can be used, otherwise what is wrong.</summary>
    public static string? ValidateOptions(SmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out _))
        {
            return "Sms:BaseUrl is not an absolute URL.";
        }

        if (string.IsNullOrWhiteSpace(options.ProductToken))
        {
            return "Sms:ProductToken is missing.";
        }

        if (!IsValidSender(options.Sender))
        {
            return "Sms:Sender must be 1 to 11 letters and digits, or a number of at most 16 digits.";
        }

        if (options.MaximumParts is < 1 or > 8)
        {
            return "Sms:MaximumParts must be between 1 and 8.";
        }

        return options.TimeoutSeconds < 1 ? "Sms:TimeoutSeconds must be at least 1." : null;
    }

    /// <summary>Returns true for 1 to 11 ASCII letters and digits, or 1 to 16 digits.</summary>
    public static bool IsValidSender(string? sender)
    {
        if (string.IsNullOrEmpty(sender) || !sender.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        return sender.Length <= 11 || (sender.Length <= 16 && sender.All(char.IsAsciiDigit));
    }

    /// <summary>
    /// Returns the CM <c>reference</c> for a client reference. CM accepts 1 to 32 letters and digits, so
    /// the separators '-', '_' and '.' are removed (<c>tijdig-42</c> becomes <c>tijdig42</c>, a GUID
    /// becomes its 32 hex digits). When more than 32 characters remain, the first 32 hex digits of the
    /// SHA-256 hash of the client reference are used. Status reports are mapped back by computing this
    /// function again; two client references that differ only in separators get the same CM reference.
    /// </summary>
    public static string ToCmReference(string clientReference)
    {
        ArgumentNullException.ThrowIfNull(clientReference);

        string stripped = string.Concat(clientReference.Where(c => c is not ('-' or '_' or '.')));
        if (stripped.Length is >= 1 and <= 32 && stripped.All(char.IsAsciiLetterOrDigit))
        {
            return stripped;
        }

        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(clientReference));
        return Convert.ToHexStringLower(hash)[..32];
    }

    /// <summary>Returns the CM spelling of an E.164 number: <c>+31612345678</c> becomes <c>0031612345678</c>.</summary>
    public static string? ToCmNumber(string e164)
    {
        if (e164 is not ['+', .. var digits] || digits.Length is < 8 or > 15 || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return "00" + digits;
    }

    public async Task<SendOutcome> SendAsync(SmsMessage message, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);

        string? number = ToCmNumber(message.To);
        if (number is null)
        {
            return SendOutcome.Permanent("The recipient is not a phone number in E.164 notation.");
        }

        if (string.IsNullOrEmpty(message.Text))
        {
            return SendOutcome.Permanent("The SMS text is empty.");
        }

        if (string.IsNullOrEmpty(message.ClientReference))
        {
            return SendOutcome.Permanent("The client reference is missing.");
        }

        string reference = ToCmReference(message.ClientReference);
        CmRequest request = CmRequest.Create(this.options, number, message.Text, reference);

        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(this.options.TimeoutSeconds));

        try
        {
            using HttpResponseMessage response = await this.httpClient.PostAsJsonAsync(this.endpoint, request, CmJson.Options, timeout.Token);
            CmResponse? body = await ReadResponseAsync(response, timeout.Token);
            return this.MapResponse(message.ClientReference, reference, response.StatusCode, body);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            MessagingLog.SmsRequestFailed(this.logger, new TimeoutException("The request to CM timed out."), message.ClientReference);
            return SendOutcome.Uncertain(
                $"The request to CM timed out after {this.options.TimeoutSeconds} s. CM may have accepted the message, so check the CM message log for reference {reference} before resending.");
        }
        catch (HttpRequestException exception)
        {
            MessagingLog.SmsRequestFailed(this.logger, exception, message.ClientReference);
            string error = $"The request to CM failed: {exception.HttpRequestError}.";

            // Without a connection CM never saw the request; after one, it may have accepted the message.
            return exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
                ? SendOutcome.Transient(error)
                : SendOutcome.Uncertain(error);
        }
    }

    private static async Task<CmResponse?> ReadResponseAsync(HttpResponseMessage response, CancellationToken ct)
    {
        string text = await response.Content.ReadAsStringAsync(ct);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<CmResponse>(text, CmJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private SendOutcome MapResponse(string clientReference, string reference, HttpStatusCode statusCode, CmResponse? body)
    {
        int status = (int)statusCode;
        CmResponseMessage? result = body?.Messages?.FirstOrDefault();

        SendOutcome outcome;
        if (status is >= 200 and < 300)
        {
            bool rejected = string.Equals(result?.Status, "Rejected", StringComparison.OrdinalIgnoreCase)
                || (result is null && body is { ErrorCode: not 0 });
            outcome = rejected
                ? SendOutcome.Permanent(Describe("CM rejected the message", result?.MessageErrorCode ?? body?.ErrorCode, result?.MessageDetails ?? body?.Details))
                : SendOutcome.Sent(result?.Reference ?? reference);
        }
        else if (status is 408 or 429 or >= 500)
        {
            outcome = SendOutcome.Transient(Describe($"CM returned HTTP {status}", body?.ErrorCode, body?.Details));
        }
        else
        {
            outcome = SendOutcome.Permanent(Describe($"CM returned HTTP {status}", body?.ErrorCode, body?.Details));
        }

        if (outcome.Status == SendStatus.Sent)
        {
            MessagingLog.SmsAccepted(this.logger, clientReference, outcome.ProviderReference!);
        }
        else
        {
            MessagingLog.SmsNotAccepted(this.logger, clientReference, status, result?.MessageErrorCode ?? body?.ErrorCode, outcome.Status);
        }

        return outcome;
    }

    private static string Describe(string summary, int? errorCode, string? details)
    {
        StringBuilder text = new(summary);
        if (errorCode is not null)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $", error code {errorCode}");
        }

        if (!string.IsNullOrWhiteSpace(details))
        {
            // CM's details can quote the recipient's number, which must not reach the outbox or a log.
            text.Append(": ").Append(LongDigitRun().Replace(details, "[number]"));
        }

        return text.Append('.').ToString();
    }

    [GeneratedRegex(@"\+?\d{8,}")]
    private static partial Regex LongDigitRun();
}
