using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Api;

internal static class PaymentRequestEndpoints
{
    public const int DefaultExpiryDays = 14;

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/paymentrequests", CreateAsync).AddEndpointFilter(SandboxApi.CreateFaultFilter);
        api.MapGet("/paymentrequests", List);
        api.MapGet("/paymentrequests/{paymentRequestToken}", Get);
    }

    /// <summary>Builds the payer's link: the configured public root, else the root the API was called on.</summary>
    public static string PaymentUrl(HttpContext context, SandboxOptions options, string token)
    {
        var root = options.PublicBaseUrl?.AbsoluteUri
            ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/";
        if (!root.EndsWith('/'))
        {
            root += "/";
        }

        return root + "tikkie-sandbox/pay/" + token;
    }

    private static async Task<IResult> CreateAsync(HttpContext context, SandboxStore store, SandboxClock clock, IOptions<SandboxOptions> options)
    {
        var body = await SandboxApi.ReadObjectAsync(context.Request);
        if (body is not { } json)
        {
            return ApiErrors.Result(context, ApiErrors.DescriptionMissing);
        }

        var errors = new List<ApiError>();
        var today = clock.Today;
        var description = BodyRules.Description(json, errors);
        var amount = BodyRules.Amount(json, missing: null, errors);
        var expiry = BodyRules.ExpiryDate(json, today, errors);
        var referenceId = BodyRules.ReferenceId(json, errors);
        if (amount > options.Value.MaxAmountInCents)
        {
            errors.Add(ApiErrors.MaxAmountExceeded);
        }

        if (errors.Count > 0)
        {
            return ApiErrors.Result(context, errors);
        }

        var now = clock.GetUtcNow();
        var request = new StoredPaymentRequest(
            Tokens.NewShortToken(),
            SandboxApi.AppToken(context),
            amount,
            description!,
            referenceId,
            now,
            expiry ?? today.AddDays(DefaultExpiryDays),
            options.Value.UnlimitedPayments ? null : 1,
            Closed: false,
            NumberOfPayments: 0,
            TotalAmountPaidInCents: 0);
        store.AddPaymentRequest(request);

        // numberOfPayments and totalAmountPaidInCents are not in the official create schema, but client
        // libraries read them from the create response of the real sandbox, so they are sent as 0.
        var url = PaymentUrl(context, options.Value, request.Token);
        return WireJson.Ok(WireJson.PaymentRequest(request, url, today), StatusCodes.Status201Created);
    }

    private static IResult Get(HttpContext context, string paymentRequestToken, SandboxStore store, SandboxClock clock, IOptions<SandboxOptions> options)
    {
        if (!Tokens.IsShortToken(paymentRequestToken))
        {
            return ApiErrors.Result(context, ApiErrors.PaymentRequestTokenInvalid);
        }

        var request = store.FindPaymentRequest(paymentRequestToken, SandboxApi.AppToken(context));
        if (request is null)
        {
            return ApiErrors.Result(context, ApiErrors.PaymentRequestNotFound);
        }

        var url = PaymentUrl(context, options.Value, request.Token);
        return WireJson.Ok(WireJson.PaymentRequest(request, url, clock.Today));
    }

    private static IResult List(HttpContext context, SandboxStore store, SandboxClock clock, IOptions<SandboxOptions> options)
    {
        var (page, errors) = SandboxApi.ReadPage(context.Request);
        if (page is null)
        {
            return ApiErrors.Result(context, errors);
        }

        var (items, total) = store.ListPaymentRequests(SandboxApi.AppToken(context), page);
        var today = clock.Today;
        var array = new JsonArray(items
            .Select(item => (JsonNode)WireJson.PaymentRequest(item, PaymentUrl(context, options.Value, item.Token), today))
            .ToArray());
        return WireJson.Ok(new JsonObject { ["paymentRequests"] = array, ["totalElementCount"] = total });
    }
}
