using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Tijdig.Tikkie.Sandbox.Api;

/// <summary>One entry of the Tikkie <c>errors</c> array.</summary>
internal sealed record ApiError(int Status, string Code, string Message);

// Error codes and messages as Tikkie API v2.3.3 documents them. API_KEY_MISSING is the sandbox's own:
// Tikkie does not document what its gateway returns without an API key.
internal static class ApiErrors
{
    public static readonly ApiError ApiKeyMissing = new(401, "API_KEY_MISSING", "API-Key was not supplied in the header.");
    public static readonly ApiError AppTokenInvalid = new(401, "APP_TOKEN_INVALID", "appToken is in an invalid format.");
    public static readonly ApiError AppTokenAlreadyInUse = new(401, "APP_TOKEN_ALREADY_IN_USE", "This appToken was used with another API Key.");

    public static readonly ApiError DescriptionMissing = new(400, "DESCRIPTION_MISSING", "description was not supplied in the request.");
    public static readonly ApiError DescriptionTooLong = new(400, "DESCRIPTION_MAX_LENGTH_EXCEEDED", "description exceeds the maximum permitted length.");
    public static readonly ApiError AmountMissing = new(400, "AMOUNT_IN_CENTS_MISSING", "amountInCents was not supplied in the request.");
    public static readonly ApiError AmountInvalid = new(400, "AMOUNT_IN_CENTS_INVALID", "amountInCents is in an invalid format.");
    public static readonly ApiError ExpiryDateInvalid = new(400, "EXPIRY_DATE_INVALID", "expiryDate is in an invalid format.");
    public static readonly ApiError ExpiryDateNotAllowed = new(400, "EXPIRY_DATE_NOT_ALLOWED", "expiryDate is invalid. This date has passed.");
    public static readonly ApiError ReferenceIdInvalid = new(400, "REFERENCE_ID_INVALID", "referenceId is in an invalid format.");
    public static readonly ApiError MaxAmountExceeded = new(400, "PAYMENT_REQUEST_MAX_AMOUNT_EXCEEDED", "amountInCents is above the permitted threshold for this organization.");
    public static readonly ApiError RefundAmountTooHigh = new(400, "REFUND_AMOUNT_IS_TOO_HIGH", "The total refund amount is larger than the payment, plus €25.00.");

    public static readonly ApiError PageNumberMissing = new(400, "PAGE_NUMBER_MISSING", "pageNumber was not supplied in the query.");
    public static readonly ApiError PageNumberInvalid = new(400, "PAGE_NUMBER_INVALID", "pageNumber is in an invalid format.");
    public static readonly ApiError PageSizeMissing = new(400, "PAGE_SIZE_MISSING", "pageSize was not supplied in the query.");
    public static readonly ApiError PageSizeInvalid = new(400, "PAGE_SIZE_INVALID", "pageSize is in an invalid format.");
    public static readonly ApiError PageSizeTooLarge = new(400, "PAGE_SIZE_TOO_LARGE", "pageSize is larger than the maximum value (50).");
    public static readonly ApiError FromDateTimeInvalid = new(400, "FROM_DATE_TIME_INVALID", "fromDateTime is in an invalid format.");
    public static readonly ApiError ToDateTimeInvalid = new(400, "TO_DATE_TIME_INVALID", "toDateTime is in an invalid format.");

    public static readonly ApiError UrlMissing = new(400, "URL_MISSING", "url was not supplied in the request.");
    public static readonly ApiError UrlInvalid = new(400, "URL_INVALID", "url is in an invalid format.");

    public static readonly ApiError PaymentRequestTokenInvalid = new(400, "PAYMENT_REQUEST_TOKEN_INVALID", "paymentRequestToken is in an invalid format.");
    public static readonly ApiError PaymentTokenInvalid = new(400, "PAYMENT_TOKEN_INVALID", "paymentToken is in an invalid format.");
    public static readonly ApiError RefundTokenInvalid = new(400, "REFUND_TOKEN_INVALID", "refundToken is in an invalid format.");

    public static readonly ApiError PaymentRequestNotFound = new(404, "PAYMENT_REQUEST_NOT_FOUND", "No payment request found for the specified paymentRequestToken.");
    public static readonly ApiError PaymentNotFound = new(404, "PAYMENT_NOT_FOUND", "No payment found for the specified paymentToken.");
    public static readonly ApiError RefundNotFound = new(404, "REFUND_NOT_FOUND", "No refund found for the specified refundToken.");

    public static readonly ApiError InternalServerError = new(500, "INTERNAL_SERVER_ERROR", "Some unknown error occurred");

    private const string Reference = "https://developer.abnamro.com";

    /// <summary>Writes the errors envelope; the HTTP status is that of the first error, so callers group errors of one status.</summary>
    public static IResult Result(HttpContext context, params IReadOnlyList<ApiError> errors)
    {
        var traceId = SandboxApi.TraceId(context);
        var array = new JsonArray();
        foreach (var error in errors)
        {
            array.Add(new JsonObject
            {
                ["code"] = error.Code,
                ["message"] = error.Message,
                ["reference"] = Reference,
                ["status"] = error.Status,
                ["traceId"] = traceId,
            });
        }

        var body = new JsonObject { ["errors"] = array };
        return Results.Text(body.ToJsonString(), "application/json", statusCode: errors[0].Status);
    }
}
