using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Tijdig.Tikkie.Sandbox.Storage;

/// <summary>
/// State of the sandbox in SQLite: a file when <see cref="SandboxOptions.DatabasePath"/> is set, so it
/// survives restarts, else an in-memory database. One connection serves all calls under a lock,
/// which is plenty for a test server and keeps SQLite free of write contention.
/// </summary>
internal sealed partial class SandboxStore : IDisposable
{
    private readonly Lock gate = new();
    private readonly SqliteConnection connection;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> boundKeys = new(StringComparer.Ordinal);

    public SandboxStore(IOptions<SandboxOptions> options)
    {
        var path = options.Value.DatabasePath;

        // Pooling is off so that disposing the sandbox releases the file for the next instance.
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path ?? ":memory:",
            Mode = path is null ? SqliteOpenMode.Memory : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        connection = new SqliteConnection(builder.ConnectionString);
        connection.Open();

        CreateSchema();
        foreach (var (apiKey, appToken) in options.Value.PreregisteredApps)
        {
            RegisterApp(appToken, apiKey);
        }
    }

    public void Dispose() => connection.Dispose();

    private void CreateSchema() => Execute("""
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS apps (
            app_token TEXT PRIMARY KEY,
            api_key TEXT NULL);
        CREATE TABLE IF NOT EXISTS payment_requests (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            token TEXT NOT NULL UNIQUE,
            app_token TEXT NOT NULL,
            amount INTEGER NULL,
            description TEXT NOT NULL,
            reference_id TEXT NULL,
            created_ticks INTEGER NOT NULL,
            expiry_date TEXT NOT NULL,
            max_payments INTEGER NULL,
            closed INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX IF NOT EXISTS payment_requests_by_app_and_time
            ON payment_requests (app_token, created_ticks DESC, seq DESC);
        CREATE TABLE IF NOT EXISTS payments (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            token TEXT NOT NULL UNIQUE,
            request_token TEXT NOT NULL,
            counter_party_name TEXT NOT NULL,
            counter_party_account TEXT NOT NULL,
            amount INTEGER NOT NULL,
            created_ticks INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS payments_by_request
            ON payments (request_token);
        CREATE TABLE IF NOT EXISTS refunds (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            token TEXT NOT NULL UNIQUE,
            payment_token TEXT NOT NULL,
            amount INTEGER NOT NULL,
            description TEXT NOT NULL,
            reference_id TEXT NULL,
            created_ticks INTEGER NOT NULL,
            status TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS subscriptions (
            app_token TEXT PRIMARY KEY,
            subscription_id TEXT NOT NULL,
            url TEXT NOT NULL);
        """);

    private void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (gate)
        {
            using var command = Command(sql, parameters);
            command.ExecuteNonQuery();
        }
    }

    private object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        lock (gate)
        {
            using var command = Command(sql, parameters);
            return command.ExecuteScalar();
        }
    }

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        lock (gate)
        {
            using var command = Command(sql, parameters);
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    private SqliteCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static string? NullableString(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string DateText(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
