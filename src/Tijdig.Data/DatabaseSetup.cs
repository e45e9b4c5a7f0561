using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Tijdig.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseSetup
{
    // Each provider has its own migrations, because column types and SQL differ between them.
    public const string SqliteMigrationsAssembly = "Tijdig.Data.Migrations.Sqlite";

    public const string PostgreSqlMigrationsAssembly = "Tijdig.Data.Migrations.PostgreSql";

    /// <summary>Registers the context for SQLite (a file in the data directory) or PostgreSQL.</summary>
    public static IServiceCollection AddTijdigDatabase(
        this IServiceCollection services,
        DatabaseProvider provider,
        string connectionString)
    {
        services.AddDbContext<TijdigDbContext>(options => Configure(options, provider, connectionString));
        return services;
    }

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString, postgres => postgres.MigrationsAssembly(PostgreSqlMigrationsAssembly));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// Creates the schema of a new database and brings an existing one up to date by running the
    /// migrations it has not had yet, each in its own transaction.
    /// </summary>
    public static async Task EnsureSchemaAsync(TijdigDbContext db, CancellationToken ct)
    {
        // A context of its own, because a history repository remembers whether its table exists,
        // and the migration run below must see the table that adopting creates.
        await using (var adopting = new TijdigDbContext((DbContextOptions<TijdigDbContext>)db.GetService<IDbContextOptions>()))
        {
            // The database and an empty history table are created here, because the migrator finds
            // either missing by a failed command, which the PostgreSQL provider logs as an error.
            var creator = adopting.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                await creator.CreateAsync(ct);
            }

            await AdoptSchemaWithoutHistoryAsync(adopting, ct);
            if (!await HasHistoryTableAsync(adopting, ct))
            {
                await adopting.Database.ExecuteSqlRawAsync(adopting.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);
            }
        }

        await db.Database.MigrateAsync(ct);

        if (db.Database.IsSqlite())
        {
            // WAL lets the web app read while the cycle writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// Records the first migration as applied on a database that versions before migrations created
    /// in one step from the model. Its tables are exactly the first migration's, so running that
    /// migration again would fail on tables that exist; the later migrations then run as usual.
    /// </summary>
    private static async Task AdoptSchemaWithoutHistoryAsync(TijdigDbContext db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        var history = db.GetService<IHistoryRepository>();
        if (!await creator.ExistsAsync(ct) || !await creator.HasTablesAsync(ct) || await HasHistoryTableAsync(db, ct))
        {
            return;
        }

        var baseline = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baseline, ProductInfo.GetVersion())), ct);
    }

    /// <summary>
    /// Looks the history table up in the catalogue. The history repository's own check is not used,
    /// because Npgsql's reported a table dropped earlier in the same process as still there.
    /// </summary>
    private static async Task<bool> HasHistoryTableAsync(TijdigDbContext db, CancellationToken ct)
    {
        var query = db.Database.IsSqlite()
            ? "SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'"
            : "SELECT COUNT(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '__EFMigrationsHistory'";
        return await db.Database.SqlQueryRaw<int>(query).SingleAsync(ct) > 0;
    }
}
