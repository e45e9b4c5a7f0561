using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;
using Npgsql;
using Tijdig.Data;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Schema;

/// <summary>
/// The schema on both databases comes from migrations: they cover the whole model, and a database
/// created before there were migrations is brought up to date without losing its rows.
/// </summary>
public sealed class SchemaMigrationTests
{
    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrations_CoverWholeModel(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var db = await NewContextAsync(provider);

        // A model change without a migration would leave installed databases behind; add one with
        // 'dotnet ef migrations add NAME' in both migration projects.
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureSchema_NewDatabaseGetsEveryMigration(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        await using var db = await NewContextAsync(provider);

        await DatabaseSetup.EnsureSchemaAsync(db, default);
        await DatabaseSetup.EnsureSchemaAsync(db, default);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.False(await db.BackOfficeUsers.AnyAsync());
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnsureSchema_UpgradesDatabaseWithoutHistory(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        var connectionString = await NewDatabaseAsync(provider);

        // The state an older version left behind: the baseline tables, a row, and no migration history.
        await using (var older = NewContext(provider, connectionString))
        {
            await older.GetService<IMigrator>().MigrateAsync(older.Database.GetMigrations().First());
        }

        await using (var older = NewContext(provider, connectionString))
        {
            await older.Database.ExecuteSqlRawAsync("""INSERT INTO "Settings" ("Key", "Value") VALUES ('kept', 'yes')""");
            await older.Database.ExecuteSqlRawAsync("""DROP TABLE "__EFMigrationsHistory" """);
        }

        // A fresh context, as in a new process: the history repository caches whether its table exists.
        await using var db = NewContext(provider, connectionString);
        await DatabaseSetup.EnsureSchemaAsync(db, default);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal("yes", (await db.Settings.SingleAsync(s => s.Key == "kept")).Value);
        Assert.False(await db.BackOfficeUsers.AnyAsync());
    }

    /// <summary>
    /// The first start on PostgreSQL creates the database. That is expected, so it must not log an
    /// error that sends the operator looking for a fault.
    /// </summary>
    [SkippableFact]
    public async Task EnsureSchema_CreatesPostgresDatabaseWithoutErrorLog()
    {
        Skip.If(TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        var connectionString = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresServer)
        {
            Database = "tijdig_test_" + Guid.NewGuid().ToString("N")[..12],
        }.ConnectionString;
        var log = new CollectingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(log));
        var options = new DbContextOptionsBuilder<TijdigDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.PostgreSql, connectionString);
        options.UseLoggerFactory(loggerFactory);
        await using var db = new TijdigDbContext(options.Options);

        await DatabaseSetup.EnsureSchemaAsync(db, default);

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(log.Errors);
    }

    private static async Task<TijdigDbContext> NewContextAsync(DatabaseProvider provider) =>
        NewContext(provider, await NewDatabaseAsync(provider));

    private static async Task<string> NewDatabaseAsync(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql
            ? await TestDatabase.CreatePostgresDatabaseAsync()
            : $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("tijdig-schema-").FullName, "tijdig.db")}";

    private static TijdigDbContext NewContext(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<TijdigDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString);
        return new TijdigDbContext(options.Options);
    }

    private sealed class CollectingLoggerProvider : ILoggerProvider
    {
        public System.Collections.Concurrent.ConcurrentQueue<string> Errors { get; } = new();

        public ILogger CreateLogger(string categoryName) => new CollectingLogger(categoryName, Errors);

        public void Dispose()
        {
        }
    }

    private sealed class CollectingLogger(string category, System.Collections.Concurrent.ConcurrentQueue<string> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{category}: {formatter(state, exception)}");
            }
        }
    }
}
