using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Tests.Infrastructure;

/// <summary>
/// Tijdig as <c>serve</c> runs it: Kestrel on a free loopback port, the in-process Tikkie sandbox,
/// the notification endpoint and the pages, on a fake clock. The daily scheduler is off, so the
/// test decides when the cycle runs.
/// </summary>
public sealed class TestWebApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    // Many test hosts run in parallel on two cores; without spare threads the first requests of a
    // host can wait tens of seconds for the thread pool to grow.
    static TestWebApp() => ThreadPool.SetMinThreads(64, 64);

    private TestWebApp(WebApplication app, Uri baseAddress, string dataDirectory, FakeTimeProvider clock, CapturedLog log)
    {
        _app = app;
        Log = log;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        Clock = clock;
    }

    public Uri BaseAddress { get; }

    /// <summary>What the app logged, for failure messages.</summary>
    public CapturedLog Log { get; }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public static async Task<TestWebApp> StartAsync(
        DateOnly today,
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-web-").FullName;
        var clock = new FakeTimeProvider(AtNine(today));
        var url = $"http://127.0.0.1:{FreePort()}";
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Organisation:PublicUrl"] = url,
            ["Scheduler:Enabled"] = "false",
            ["Demo:SeedOnFirstRun"] = "false",
        };
        if (provider == DatabaseProvider.PostgreSql)
        {
            overrides["Database:Provider"] = "PostgreSql";
            overrides["Database:ConnectionString"] = await TestDatabase.CreatePostgresDatabaseAsync();
        }

        var log = new CapturedLog();
        var app = TijdigApp.Build(CommandLine.Parse(["serve", "--data-dir", dataDirectory, "--urls", url]), serve: true, builder =>
        {
            builder.Logging.AddProvider(log);
            foreach (var (key, value) in overrides)
            {
                builder.Configuration[key] = value;
            }

            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await TijdigApp.EnsureDatabaseAsync(app.Services, CancellationToken.None);
        await app.StartAsync();
        var started = new TestWebApp(app, new Uri(url + "/"), dataDirectory, clock, log);
        await started.WaitForTikkieSubscriptionAsync();
        return started;
    }

    /// <summary>Waits until the start-up registration of the Tikkie notification subscription is stored, so payments notify.</summary>
    private async Task WaitForTikkieSubscriptionAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await QueryAsync(db => db.Settings.AnyAsync(s => s.Key == Payments.TikkiePaymentIntake.SubscriptionSettingKey)))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The Tikkie subscription was not registered within 60 seconds: " + Log.WarningsAndErrors());
            }

            await Task.Delay(50);
        }
    }

    public void SetToday(DateOnly date) => Clock.SetUtcNow(AtNine(date).ToUniversalTime());

    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> QueryAsync<T>(Func<TijdigDbContext, Task<T>> query) => RunAsync(services => query(services.GetRequiredService<TijdigDbContext>()));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A SQLite file still held open by a pooled connection; the temp folder is cleaned later.
        }
    }

    private static DateTimeOffset AtNine(DateOnly date) => new(date.ToDateTime(new TimeOnly(9, 0)), BusinessCalendar.Amsterdam.GetUtcOffset(date.ToDateTime(new TimeOnly(9, 0))));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
