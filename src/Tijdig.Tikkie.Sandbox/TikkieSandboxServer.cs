using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Tijdig.Tikkie.Sandbox;

/// <summary>
/// The sandbox as its own Kestrel server on 127.0.0.1, for tests and the command line.
/// The API is at <see cref="BaseAddress"/> + <c>v2/tikkie/</c>.
/// </summary>
public sealed class TikkieSandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private TikkieSandboxServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the server, ending in a slash, for example <c>http://127.0.0.1:53211/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Root of the Tikkie API, for <c>TikkieOptions.BaseUrl</c>.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "v2/tikkie/");

    /// <summary>Services of the running sandbox, for tests that need the clock or fault switches directly.</summary>
    public IServiceProvider Services => app.Services;

    /// <summary>Starts the sandbox on loopback, on <see cref="SandboxOptions.Port"/> or a free port.</summary>
    public static async Task<TikkieSandboxServer> StartAsync(SandboxOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(TikkieSandboxServer).Assembly.GetName().Name,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port ?? 0));
        builder.Services.AddTikkieSandbox(options.CopyTo);

        var app = builder.Build();
        app.MapTikkieSandbox();
        await app.StartAsync(ct);

        var address = app.Urls.First();
        return new TikkieSandboxServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>Stops the server and closes the database.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
