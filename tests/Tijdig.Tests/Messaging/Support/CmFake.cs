using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tijdig.Tests.Messaging.Support;

/// <summary>
/// A loopback server that accepts <c>POST /v1.0/message</c> as CM's Business Messaging API does and keeps
/// each accepted message (number, text, reference). Numbers ending in 0000 are rejected as blacklisted
/// (error 402), and <see cref="ForcedStatus"/> returns that HTTP status for every request.
/// </summary>
public sealed class CmFake : IAsyncDisposable
{
    public const string ProductToken = "6f1c1a5e-0000-4000-8000-000000000001";

    private readonly WebApplication _app;

    private CmFake(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<(string Number, string Text, string Reference)> Accepted { get; } = new();

    public int? ForcedStatus { get; set; }

    public static async Task<CmFake> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var fake = new CmFake(builder.Build());
        fake._app.MapPost("/v1.0/message", (Delegate)fake.HandleAsync);
        await fake._app.StartAsync();
        fake.BaseUrl = fake._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body);
        if (ForcedStatus is { } forced)
        {
            return Results.Text("""{"details":"forced","errorCode":500,"messages":[]}""", "application/json", statusCode: forced);
        }

        var msg = request!["messages"]!["msg"]![0]!;
        var number = msg["to"]![0]!["number"]!.GetValue<string>();
        var reference = msg["reference"]!.GetValue<string>();
        var rejected = number.EndsWith("0000", StringComparison.Ordinal);
        if (!rejected)
        {
            Accepted.Enqueue((number, msg["body"]!["content"]!.GetValue<string>(), reference));
        }

        var result = new JsonObject
        {
            ["to"] = number,
            ["status"] = rejected ? "Rejected" : "Accepted",
            ["reference"] = reference,
            ["parts"] = 1,
            ["messageDetails"] = rejected ? "Blacklisted" : null,
            ["messageErrorCode"] = rejected ? 402 : 0,
        };
        var body = new JsonObject { ["details"] = "ok", ["errorCode"] = rejected ? 201 : 0, ["messages"] = new JsonArray(result) };
        return Results.Text(body.ToJsonString(), "application/json");
    }
}
