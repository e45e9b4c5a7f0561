using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tijdig.Tikkie.Sandbox;

namespace Tijdig.Tikkie.Tests.Support;

/// <summary>
/// A real sandbox on loopback with one preregistered app, plus helpers that build clients through
/// <see cref="TikkieServiceCollectionExtensions.AddTikkieClient"/> and call the control endpoints.
/// </summary>
internal sealed class TestSandbox : IAsyncDisposable
{
    public const string ApiKey = "test-api-key-0001";
    public static readonly string AppToken = "6f1f9a6e-1b0c-4a53-9e0c-2f5d1c7c1a01";

    private readonly List<ServiceProvider> providers = [];

    private TestSandbox(TikkieSandboxServer server)
    {
        Server = server;
        Raw = new HttpClient { BaseAddress = server.BaseAddress };
    }

    public TikkieSandboxServer Server { get; }

    /// <summary>Plain client on the sandbox root, for control calls and requests the typed client refuses to send.</summary>
    public HttpClient Raw { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public static async Task<TestSandbox> StartAsync(Action<SandboxOptions>? configure = null)
    {
        var options = new SandboxOptions { NotificationRetryDelay = TimeSpan.FromMilliseconds(20) };
        options.PreregisteredApps.Add((ApiKey, AppToken));
        configure?.Invoke(options);
        return new TestSandbox(await TikkieSandboxServer.StartAsync(options, CancellationToken.None));
    }

    public TikkieClient Client(string apiKey = ApiKey, string? appToken = null, TimeProvider? clock = null, long? maxAmountInCents = null) =>
        BuildProvider(Server.ApiBaseAddress, apiKey, appToken ?? AppToken, clock, maxAmountInCents).GetRequiredService<TikkieClient>();

    public ServiceProvider BuildProvider(Uri apiBase, string apiKey, string? appToken, TimeProvider? clock = null, long? maxAmountInCents = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Tikkie:BaseUrl"] = apiBase.AbsoluteUri,
            ["Tikkie:ApiKey"] = apiKey,
            ["Tikkie:AppToken"] = appToken,
            ["Tikkie:MaxAmountInCents"] = maxAmountInCents?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Tikkie:RetryDelay"] = "00:00:00.010",
            ["Tikkie:MaxRetryAttempts"] = "3",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddTikkieClient(configuration.GetSection("Tikkie"));
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider;
    }

    /// <summary>Sends a request to the API with the preregistered credentials unless the caller passes others.</summary>
    public async Task<(HttpResponseMessage Response, JsonDocument? Body)> ApiAsync(HttpMethod method, string path, object? body = null, string? apiKey = ApiKey, string? appToken = null)
    {
        using var request = new HttpRequestMessage(method, "v2/tikkie/" + path);
        if (apiKey is not null)
        {
            request.Headers.Add("API-Key", apiKey);
        }

        request.Headers.Add("X-App-Token", appToken ?? AppToken);
        if (body is string json)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        var response = await Raw.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? null : JsonDocument.Parse(text));
    }

    public async Task<JsonElement> PayAsync(string paymentRequestToken, object? body = null)
    {
        var response = await Raw.PostAsJsonAsync($"tikkie-sandbox/control/paymentrequests/{paymentRequestToken}/pay", body ?? new { });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task SetFaultsAsync(object faults) =>
        (await Raw.PostAsJsonAsync("tikkie-sandbox/control/faults", faults)).EnsureSuccessStatusCode();

    public async Task<long> ApiRequestCountAsync() =>
        (await Raw.GetFromJsonAsync<JsonElement>("tikkie-sandbox/control/faults")).GetProperty("apiRequestCount").GetInt64();

    public async Task AdvanceClockAsync(int days) =>
        (await Raw.PostAsJsonAsync("tikkie-sandbox/control/clock/advance", new { days })).EnsureSuccessStatusCode();

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        Raw.Dispose();
        await Server.DisposeAsync();
    }
}
