using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Tikkie.Sandbox.Control;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Api;

// Request plumbing shared by the API endpoints: trace id, faults, authentication, paging and bodies.
internal static class SandboxApi
{
    public const string ApiKeyHeader = "API-Key";
    public const string AppTokenHeader = "X-App-Token";
    public const string TraceIdHeader = "Trace-Id";

    private const string TraceIdItem = "TikkieSandbox.TraceId";
    private const string AppTokenItem = "TikkieSandbox.AppToken";

    public static string TraceId(HttpContext context) =>
        context.Items.TryGetValue(TraceIdItem, out var value) && value is string id ? id : "";

    public static string AppToken(HttpContext context) => (string)context.Items[AppTokenItem]!;

    /// <summary>First filter of every API call: trace id header, fault switches, then the API key.</summary>
    public static async ValueTask<object?> GatewayFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var traceId = Tokens.NewUuid();
        context.Items[TraceIdItem] = traceId;
        context.Response.Headers[TraceIdHeader] = traceId;

        var faults = context.RequestServices.GetRequiredService<SandboxFaults>();
        faults.CountApiRequest();
        if (faults.ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(faults.ResponseDelay, context.RequestAborted);
        }

        if (faults.TakeFailure())
        {
            return ApiErrors.Result(context, ApiErrors.InternalServerError);
        }

        if (string.IsNullOrWhiteSpace(context.Request.Headers[ApiKeyHeader]))
        {
            return ApiErrors.Result(context, ApiErrors.ApiKeyMissing);
        }

        return await next(invocation);
    }

    /// <summary>
    /// Filter of the create call only: the percentage fault switch. A failing create returns 500 without
    /// storing anything, or after storing the request when <see cref="SandboxFaults.FailAfterCreate"/> is set.
    /// </summary>
    public static async ValueTask<object?> CreateFaultFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var faults = context.RequestServices.GetRequiredService<SandboxFaults>();
        if (!faults.TakeCreateFailure())
        {
            return await next(invocation);
        }

        if (faults.FailAfterCreate)
        {
            // The endpoint stores the request synchronously, and its response is then replaced by the 500.
            await next(invocation);
        }

        return ApiErrors.Result(context, ApiErrors.InternalServerError);
    }

    /// <summary>Second filter for every call but <c>/sandboxapps</c>: a known uuid app token bound to this API key.</summary>
    public static async ValueTask<object?> AppTokenFilter(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var appToken = context.Request.Headers[AppTokenHeader].ToString();
        if (!Tokens.IsUuid(appToken))
        {
            return ApiErrors.Result(context, ApiErrors.AppTokenInvalid);
        }

        var store = context.RequestServices.GetRequiredService<SandboxStore>();
        var check = store.CheckApp(appToken, context.Request.Headers[ApiKeyHeader].ToString());
        switch (check)
        {
            case AppCheck.Unknown:
                return ApiErrors.Result(context, ApiErrors.AppTokenInvalid);
            case AppCheck.BoundToOtherKey:
                return ApiErrors.Result(context, ApiErrors.AppTokenAlreadyInUse);
            case AppCheck.Accepted:
                break;
        }

        context.Items[AppTokenItem] = appToken;
        return await next(invocation);
    }

    /// <summary>Reads the paging and date query parameters, collecting every error as Tikkie does.</summary>
    public static (PageRequest? Page, List<ApiError> Errors) ReadPage(HttpRequest request)
    {
        var errors = new List<ApiError>();

        var pageNumber = ReadInt(request, "pageNumber", ApiErrors.PageNumberMissing, ApiErrors.PageNumberInvalid, errors);
        if (pageNumber < 0)
        {
            errors.Add(ApiErrors.PageNumberInvalid);
        }

        var pageSize = ReadInt(request, "pageSize", ApiErrors.PageSizeMissing, ApiErrors.PageSizeInvalid, errors);
        if (pageSize is < 1)
        {
            errors.Add(ApiErrors.PageSizeInvalid);
        }
        else if (pageSize > 50)
        {
            errors.Add(ApiErrors.PageSizeTooLarge);
        }

        var from = ReadTimestamp(request, "fromDateTime", ApiErrors.FromDateTimeInvalid, errors);
        var to = ReadTimestamp(request, "toDateTime", ApiErrors.ToDateTimeInvalid, errors);

        return errors.Count > 0 ? (null, errors) : (new PageRequest(pageNumber!.Value, pageSize!.Value, from, to), errors);
    }

    /// <summary>Reads the body as a JSON object; null when it is missing or not an object.</summary>
    public static async Task<JsonElement?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool TryReadIncludeRefunds(HttpRequest request, out bool includeRefunds)
    {
        var text = request.Query["includeRefunds"].ToString();
        includeRefunds = true;
        return text.Length == 0 || bool.TryParse(text, out includeRefunds);
    }

    private static int? ReadInt(HttpRequest request, string name, ApiError missing, ApiError invalid, List<ApiError> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            errors.Add(missing);
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(invalid);
            return null;
        }

        return value;
    }

    private static DateTimeOffset? ReadTimestamp(HttpRequest request, string name, ApiError invalid, List<ApiError> errors)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            errors.Add(invalid);
            return null;
        }

        return value;
    }
}
