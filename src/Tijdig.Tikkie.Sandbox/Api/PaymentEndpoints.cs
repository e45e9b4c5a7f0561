using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Api;

internal static class PaymentEndpoints
{
    public const long RefundMarginInCents = 2500;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/paymentrequests/{paymentRequestToken}/payments", List);
        api.MapGet("/paymentrequests/{paymentRequestToken}/payments/{paymentToken}", Get);
        api.MapPost("/paymentrequests/{paymentRequestToken}/payments/{paymentToken}/refunds", CreateRefundAsync);
        api.MapGet("/paymentrequests/{paymentRequestToken}/payments/{paymentToken}/refunds/{refundToken}", GetRefund);
    }

    private static IResult List(HttpContext context, string paymentRequestToken, SandboxStore store)
    {
        var errors = new List<ApiError>();
        if (!Tokens.IsShortToken(paymentRequestToken))
        {
            errors.Add(ApiErrors.PaymentRequestTokenInvalid);
        }

        var (page, pageErrors) = SandboxApi.ReadPage(context.Request);
        errors.AddRange(pageErrors);
        if (errors.Count > 0)
        {
            return ApiErrors.Result(context, errors);
        }

        if (store.FindPaymentRequest(paymentRequestToken, SandboxApi.AppToken(context)) is null)
        {
            return ApiErrors.Result(context, ApiErrors.PaymentRequestNotFound);
        }

        // An unreadable includeRefunds falls back to the documented default of true.
        var includeRefunds = !SandboxApi.TryReadIncludeRefunds(context.Request, out var include) || include;
        var (items, total) = store.ListPayments(paymentRequestToken, page!);
        var array = new JsonArray(items
            .Select(item => (JsonNode)WireJson.Payment(item, includeRefunds ? store.ListRefunds(item.Token) : null))
            .ToArray());
        return WireJson.Ok(new JsonObject { ["payments"] = array, ["totalElementCount"] = total });
    }

    private static IResult Get(HttpContext context, string paymentRequestToken, string paymentToken, SandboxStore store)
    {
        var (payment, failure) = FindPayment(context, store, paymentRequestToken, paymentToken);
        return failure ?? WireJson.Ok(WireJson.Payment(payment!, store.ListRefunds(payment!.Token)));
    }

    private static async Task<IResult> CreateRefundAsync(HttpContext context, string paymentRequestToken, string paymentToken, SandboxStore store, SandboxClock clock)
    {
        var (payment, failure) = FindPayment(context, store, paymentRequestToken, paymentToken);
        if (failure is not null)
        {
            return failure;
        }

        var body = await SandboxApi.ReadObjectAsync(context.Request);
        if (body is not { } json)
        {
            return ApiErrors.Result(context, ApiErrors.DescriptionMissing, ApiErrors.AmountMissing);
        }

        var errors = new List<ApiError>();
        var description = BodyRules.Description(json, errors);
        var amount = BodyRules.Amount(json, ApiErrors.AmountMissing, errors);
        var referenceId = BodyRules.ReferenceId(json, errors);
        if (errors.Count > 0)
        {
            return ApiErrors.Result(context, errors);
        }

        var refunded = store.ListRefunds(payment!.Token).Sum(refund => refund.AmountInCents);
        if (refunded + amount!.Value > payment.AmountInCents + RefundMarginInCents)
        {
            return ApiErrors.Result(context, ApiErrors.RefundAmountTooHigh);
        }

        // Refunds start PENDING like real ones; the control endpoint executes them.
        var refund = new StoredRefund(Tokens.NewShortToken(), payment.Token, amount.Value, description!, referenceId, clock.GetUtcNow(), "PENDING");
        store.AddRefund(refund);
        return WireJson.Ok(WireJson.Refund(refund), StatusCodes.Status201Created);
    }

    private static IResult GetRefund(HttpContext context, string paymentRequestToken, string paymentToken, string refundToken, SandboxStore store)
    {
        var formatErrors = TokenErrors(paymentRequestToken, paymentToken);
        if (!Tokens.IsShortToken(refundToken))
        {
            formatErrors.Add(ApiErrors.RefundTokenInvalid);
        }

        if (formatErrors.Count > 0)
        {
            return ApiErrors.Result(context, formatErrors);
        }

        var (payment, failure) = FindPayment(context, store, paymentRequestToken, paymentToken);
        if (failure is not null)
        {
            return failure;
        }

        var refund = store.FindRefund(refundToken);
        return refund is null || refund.PaymentToken != payment!.Token
            ? ApiErrors.Result(context, ApiErrors.RefundNotFound)
            : WireJson.Ok(WireJson.Refund(refund));
    }

    private static (StoredPayment? Payment, IResult? Failure) FindPayment(HttpContext context, SandboxStore store, string paymentRequestToken, string paymentToken)
    {
        var formatErrors = TokenErrors(paymentRequestToken, paymentToken);
        if (formatErrors.Count > 0)
        {
            return (null, ApiErrors.Result(context, formatErrors));
        }

        if (store.FindPaymentRequest(paymentRequestToken, SandboxApi.AppToken(context)) is null)
        {
            return (null, ApiErrors.Result(context, ApiErrors.PaymentRequestNotFound));
        }

        var payment = store.FindPayment(paymentRequestToken, paymentToken);
        return payment is null ? (null, ApiErrors.Result(context, ApiErrors.PaymentNotFound)) : (payment, null);
    }

    private static List<ApiError> TokenErrors(string paymentRequestToken, string paymentToken)
    {
        var errors = new List<ApiError>();
        if (!Tokens.IsShortToken(paymentRequestToken))
        {
            errors.Add(ApiErrors.PaymentRequestTokenInvalid);
        }

        if (!Tokens.IsUuid(paymentToken))
        {
            errors.Add(ApiErrors.PaymentTokenInvalid);
        }

        return errors;
    }
}
