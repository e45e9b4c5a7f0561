using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Hosting;

namespace Tijdig.Tests.Infrastructure;

/// <summary>
/// A Tijdig installation for one test: its own data directory, database and fake clock, with
/// the same services the CLI uses. Speak to it through the use cases, as the verbs do.
/// </summary>
public sealed class TestLedger : IAsyncDisposable
{
    private readonly WebApplication _app;

    static TestLedger() => ThreadPool.SetMinThreads(64, 64);

    private TestLedger(WebApplication app, string dataDirectory, FakeTimeProvider clock)
    {
        _app = app;
        DataDirectory = dataDirectory;
        Clock = clock;
    }

    public string DataDirectory { get; }

    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>
    /// Creates the installation. <paramref name="settings"/> override appsettings.json keys, such as
    /// "Tikkie:BaseUrl" to point the client at a sandbox the test started.
    /// </summary>
    public static async Task<TestLedger> CreateAsync(
        DateOnly today,
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        IDictionary<string, string?>? settings = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-test-").FullName;
        var clock = new FakeTimeProvider(AtNine(today));
        var overrides = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (provider == DatabaseProvider.PostgreSql)
        {
            overrides["Database:Provider"] = "PostgreSql";
            overrides["Database:ConnectionString"] = await TestDatabase.CreatePostgresDatabaseAsync();
        }

        var app = TijdigApp.Build(CommandLine.Parse(["--data-dir", dataDirectory]), serve: false, builder =>
        {
            foreach (var (key, value) in overrides)
            {
                builder.Configuration[key] = value;
            }

            builder.Services.AddSingleton<TimeProvider>(clock);
        });
        await TijdigApp.EnsureDatabaseAsync(app.Services, CancellationToken.None);
        return new TestLedger(app, dataDirectory, clock);
    }

    public DateOnly Today => Services.GetRequiredService<BusinessCalendar>().Today;

    /// <summary>Moves the clock to 09:00 Amsterdam time on <paramref name="date"/>.</summary>
    public void SetToday(DateOnly date) => Clock.SetUtcNow(AtNine(date).ToUniversalTime());

    private static DateTimeOffset AtNine(DateOnly date) =>
        new(date.ToDateTime(new TimeOnly(9, 0)), BusinessCalendar.Amsterdam.GetUtcOffset(date.ToDateTime(new TimeOnly(9, 0))));

    /// <summary>Runs <paramref name="action"/> in a fresh scope, as one CLI verb would.</summary>
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> RunAsync<TService, T>(Func<TService, Task<T>> action)
        where TService : notnull =>
        RunAsync(services => action(services.GetRequiredService<TService>()));

    /// <summary>Runs a query on a fresh context, so it sees what earlier scopes saved.</summary>
    public Task<T> QueryAsync<T>(Func<TijdigDbContext, Task<T>> query) => RunAsync(query);

    public async ValueTask DisposeAsync()
    {
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
}
