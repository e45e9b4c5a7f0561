using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Tijdig.Tikkie.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 that records every request body and responds with the status
/// the test chooses: a webhook receiver, or a misbehaving gateway.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<string> bodies = Channel.CreateUnbounded<string>();
    private readonly Queue<int> statuses = new();
    private int defaultStatus = StatusCodes.Status200OK;
    private string responseBody = "";
    private string responseContentType = "text/plain";

    private LoopbackServer(WebApplication app) => this.app = app;

    public Uri Url { get; private set; } = null!;

    public int RequestCount;

    public static async Task<LoopbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.Url = new Uri(app.Urls.First() + "/hook");
        return server;
    }

    /// <summary>Answers the coming requests with these statuses, then with the default.</summary>
    public void RespondWith(params int[] nextStatuses)
    {
        lock (statuses)
        {
            foreach (var status in nextStatuses)
            {
                statuses.Enqueue(status);
            }
        }
    }

    public void RespondAlways(int status, string body, string contentType)
    {
        defaultStatus = status;
        responseBody = body;
        responseContentType = contentType;
    }

    /// <summary>Waits for the next request body; fails the test after 20 seconds.</summary>
    public async Task<string> NextBodyAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await bodies.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref RequestCount);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        bodies.Writer.TryWrite(body);

        int status;
        lock (statuses)
        {
            status = statuses.Count > 0 ? statuses.Dequeue() : defaultStatus;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = responseContentType;
        await context.Response.WriteAsync(responseBody);
    }
}
