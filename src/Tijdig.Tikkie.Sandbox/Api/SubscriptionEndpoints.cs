using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Tijdig.Tikkie.Sandbox.Storage;

namespace Tijdig.Tikkie.Sandbox.Api;

internal static class SubscriptionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/paymentrequestssubscription", SubscribeAsync);
        api.MapDelete("/paymentrequestssubscription", Unsubscribe);
    }

    /// <summary>Maps <c>POST /sandboxapps</c>, which needs the API key but no app token.</summary>
    public static void MapSandboxApps(IEndpointRouteBuilder api) =>
        api.MapPost("/sandboxapps", (HttpContext context, SandboxStore store) =>
        {
            // The token binds to the first API key that uses it on a later call, as on the real sandbox.
            var appToken = Tokens.NewUuid();
            store.RegisterApp(appToken, apiKey: null);
            return WireJson.Ok(new JsonObject { ["appToken"] = appToken });
        });

    private static async Task<IResult> SubscribeAsync(HttpContext context, SandboxStore store)
    {
        var body = await SandboxApi.ReadObjectAsync(context.Request);
        if (body is not { } json || !json.TryGetProperty("url", out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            return ApiErrors.Result(context, ApiErrors.UrlMissing);
        }

        // Tikkie does not say which URLs are URL_DISALLOWED; the sandbox accepts any absolute http(s) URL,
        // loopback included, so tests can listen locally.
        if (!Uri.TryCreate(value.GetString(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return ApiErrors.Result(context, ApiErrors.UrlInvalid);
        }

        var subscription = new StoredSubscription(SandboxApi.AppToken(context), Tokens.NewUuid(), url.AbsoluteUri);
        store.SaveSubscription(subscription);
        return WireJson.Ok(new JsonObject { ["subscriptionId"] = subscription.SubscriptionId }, StatusCodes.Status201Created);
    }

    private static IResult Unsubscribe(HttpContext context, SandboxStore store)
    {
        store.DeleteSubscription(SandboxApi.AppToken(context));
        return Results.NoContent();
    }
}
