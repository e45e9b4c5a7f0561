using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tijdig.Messaging.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 that responds to <c>POST /v1.0/message</c> like the CM Business Messaging
/// API: 400 with error 101 for an unknown product token, 400 with error 202 for a malformed request,
/// 200 with error 201 and a rejected message (error 303) for a number without the 00 prefix or
/// (error 402, blacklisted) for a number ending in 0000, and 200 with the message accepted otherwise. <see cref="ForcedStatus"/> makes it return that HTTP status instead,
/// and <see cref="Hang"/> makes it never respond.
/// </summary>
public sealed class FakeCmServer : IAsyncDisposable
{
    public const string ProductToken = "6f1c1a5e-0000-4000-8000-000000000001";

    private readonly WebApplication app;

    private FakeCmServer(WebApplication app)
    {
        this.app = app;
    }

    public string BaseUrl { get; private set; } = "";

    public ConcurrentQueue<JsonNode> Requests { get; } = new();

    public int? ForcedStatus { get; set; }

    public bool Hang { get; set; }

    public static async Task<FakeCmServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();

        FakeCmServer server = new(builder.Build());
        server.app.MapPost("/v1.0/message", (Delegate)server.HandleAsync);
        await server.app.StartAsync();

        string address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.BaseUrl = address;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await this.app.StopAsync();
        await this.app.DisposeAsync();
    }

    private async Task<IResult> HandleAsync(HttpContext context)
    {
        JsonNode? request;
        try
        {
            request = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
        }
        catch (JsonException)
        {
            return Answer(400, Envelope("Malformed request", 202));
        }

        this.Requests.Enqueue(request!);

        if (this.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }

        if (this.ForcedStatus is int forced)
        {
            return Answer(forced, Envelope("Forced by the test", forced >= 500 ? 500 : 999));
        }

        JsonNode? messages = request?["messages"];
        if (messages?["authentication"]?["producttoken"]?.GetValue<string>() != ProductToken)
        {
            return Answer(400, Envelope("No account found for the given authentication", 101));
        }

        if (messages["msg"] is not JsonArray msg || msg.Count == 0 || msg[0]?["to"] is not JsonArray to || to.Count == 0 || msg[0]?["body"]?["content"] is null)
        {
            return Answer(400, Envelope("Malformed request", 202));
        }

        string number = to[0]!["number"]!.GetValue<string>();
        string? reference = msg[0]!["reference"]?.GetValue<string>();
        int messageErrorCode = !number.StartsWith("00", StringComparison.Ordinal) ? 303
            : number.EndsWith("0000", StringComparison.Ordinal) ? 402
            : 0;
        bool valid = messageErrorCode == 0;

        JsonObject result = new()
        {
            ["to"] = number,
            ["status"] = valid ? "Accepted" : "Rejected",
            ["reference"] = reference,
            ["parts"] = 1,
            ["messageDetails"] = valid ? null : $"Gsm '{number}' is rejected.",
            ["messageErrorCode"] = messageErrorCode,
        };
        JsonObject body = Envelope(valid ? "Created 1 message(s)" : "1 message(s) failed", valid ? 0 : 201);
        body["messages"] = new JsonArray(result);
        return Answer(200, body);
    }

    private static JsonObject Envelope(string details, int errorCode) => new()
    {
        ["details"] = details,
        ["errorCode"] = errorCode,
        ["messages"] = new JsonArray(),
    };

    private static IResult Answer(int status, JsonObject body) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
