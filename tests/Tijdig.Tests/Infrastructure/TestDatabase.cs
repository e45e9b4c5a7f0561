using Npgsql;
using Tijdig.Data;

namespace Tijdig.Tests.Infrastructure;

/// <summary>
/// Where a test's ledger lives: a SQLite file in the test's data directory, or a fresh database on
/// the PostgreSQL server named by TIJDIG_TEST_POSTGRES (CI starts one; see .ci/run).
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "TIJDIG_TEST_POSTGRES";

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable);

    /// <summary>Creates an empty PostgreSQL database and returns its connection string.</summary>
    public static async Task<string> CreatePostgresDatabaseAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"{PostgresVariable} is not set.");
        var name = "tijdig_test_" + Guid.NewGuid().ToString("N")[..12];

        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static IEnumerable<object[]> Providers()
    {
        yield return [DatabaseProvider.Sqlite];
        yield return [DatabaseProvider.PostgreSql];
    }
}
