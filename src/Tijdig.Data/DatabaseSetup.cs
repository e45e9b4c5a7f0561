using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Tijdig.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

public static class DatabaseSetup
{
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
                options.UseSqlite(connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>Creates the schema when the database is new.</summary>
    // TODO(data): replace EnsureCreated with per-provider migrations before the schema first changes in production.
    public static async Task EnsureSchemaAsync(TijdigDbContext db, CancellationToken ct)
    {
        await db.Database.EnsureCreatedAsync(ct);

        if (db.Database.IsSqlite())
        {
            // WAL lets the web app read while the cycle writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
