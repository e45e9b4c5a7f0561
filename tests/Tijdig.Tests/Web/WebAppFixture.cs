using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Tests.Web;

/// <summary>
/// The real web app on Kestrel at a free loopback port, with its SQLite database in a temporary
/// data directory seeded with <see cref="WebSeed"/>. One instance serves every web test.
/// </summary>
public sealed class WebAppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tijdig-web-" + Guid.NewGuid().ToString("N"));

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public WebSeed Seed { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var line = CommandLine.Parse(["serve", "--data-dir", _dataDirectory, "--urls", "http://127.0.0.1:0"]);
        _app = TijdigApp.Build(line, serve: true, builder =>
        {
            // The scheduler would run the dunning cycle on the seeded rows and change what the pages show.
            builder.Configuration["Scheduler:Enabled"] = "false";
            builder.Configuration["Demo:SeedOnFirstRun"] = "false";
        });

        await TijdigApp.EnsureDatabaseAsync(_app.Services, CancellationToken.None);
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TijdigDbContext>();
            var today = scope.ServiceProvider.GetRequiredService<BusinessCalendar>().Today;
            Seed = await WebSeed.WriteAsync(db, today);
        }

        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>Creates a client that keeps cookies, like a browser, and does not follow redirects.</summary>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebAppFixture>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "web";
}
