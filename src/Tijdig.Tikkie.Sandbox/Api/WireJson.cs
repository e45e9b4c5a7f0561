using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Api;

// Response bodies in the Tikkie wire format, built by hand so the sandbox does not share models with
// the client it tests. Optional fields are left out rather than sent as null.
internal static class WireJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static IResult Ok(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: status);

    public static JsonObject PaymentRequest(StoredPaymentRequest request, string url, DateOnly today)
    {
        var node = new JsonObject
        {
            ["paymentRequestToken"] = request.Token,
            ["url"] = url,
        };
        if (request.AmountInCents is { } amount)
        {
            node["amountInCents"] = amount;
        }

        node["description"] = request.Description;
        if (request.ReferenceId is { } reference)
        {
            node["referenceId"] = reference;
        }

        node["createdDateTime"] = Timestamp(request.Created);
        node["expiryDate"] = Date(request.ExpiryDate);
        node["status"] = request.StatusOn(today);
        node["numberOfPayments"] = request.NumberOfPayments;
        node["totalAmountPaidInCents"] = request.TotalAmountPaidInCents;
        return node;
    }

    public static JsonObject Payment(StoredPayment payment, IReadOnlyList<StoredRefund>? refunds)
    {
        var node = new JsonObject
        {
            ["paymentToken"] = payment.Token,
            ["tikkieId"] = payment.TikkieId,
            ["counterPartyName"] = payment.CounterPartyName,
            ["counterPartyAccountNumber"] = payment.CounterPartyAccountNumber,
            ["amountInCents"] = payment.AmountInCents,
            ["description"] = payment.Description,
            ["createdDateTime"] = Timestamp(payment.Created),
        };
        if (refunds is not null)
        {
            node["refunds"] = new JsonArray(refunds.Select(refund => (JsonNode)Refund(refund)).ToArray());
        }

        return node;
    }

    public static JsonObject Refund(StoredRefund refund)
    {
        var node = new JsonObject
        {
            ["refundToken"] = refund.Token,
            ["amountInCents"] = refund.AmountInCents,
            ["description"] = refund.Description,
        };
        if (refund.ReferenceId is { } reference)
        {
            node["referenceId"] = reference;
        }

        node["createdDateTime"] = Timestamp(refund.Created);
        node["status"] = refund.Status;
        return node;
    }
}
