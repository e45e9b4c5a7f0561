using System.Globalization;
using Npgsql;

namespace Tijdig.Tikkie.Benchmarks;

/// <summary>
/// CPU seconds (user + system) of processes, read from <c>/proc/PID/stat</c> before and after a run:
/// this process (Tijdig, and the sandbox when it runs in-process), the sandbox child process, and
/// the PostgreSQL backends that serve the run's database. Linux only; elsewhere every value is 0.
/// </summary>
internal sealed class CpuSampler
{
    private static readonly double TicksPerSecond = 100;

    private readonly Dictionary<int, double> before = [];
    private readonly int? sandboxPid;
    private readonly string? postgres;
    private double selfBefore;
    private double sandboxBefore;

    public CpuSampler(int? sandboxPid, string? postgres)
    {
        this.sandboxPid = sandboxPid;
        this.postgres = postgres;
    }

    public async Task StartAsync(CancellationToken ct)
    {
        selfBefore = Seconds(Environment.ProcessId);
        sandboxBefore = sandboxPid is { } pid ? Seconds(pid) : 0;
        foreach (var backend in await BackendsAsync(ct))
        {
            before[backend] = Seconds(backend);
        }
    }

    public async Task<string> StopAsync(TimeSpan elapsed, CancellationToken ct)
    {
        var self = Seconds(Environment.ProcessId) - selfBefore;
        var sandbox = sandboxPid is { } pid ? Seconds(pid) - sandboxBefore : 0;
        double database = 0;
        foreach (var backend in await BackendsAsync(ct))
        {
            database += Seconds(backend) - before.GetValueOrDefault(backend);
        }

        var wall = elapsed.TotalSeconds;
        return string.Create(CultureInfo.InvariantCulture,
            $"  cpu: benchmark process {self:0.0} s ({100 * self / wall:0}% of one core), sandbox process {sandbox:0.0} s ({100 * sandbox / wall:0}%), PostgreSQL backends {database:0.0} s ({100 * database / wall:0}%), wall {wall:0.0} s on {Environment.ProcessorCount} cores");
    }

    // The backends connected to this run's database; a pooled connection stays open, so the set is stable.
    private async Task<List<int>> BackendsAsync(CancellationToken ct)
    {
        if (postgres is null)
        {
            return [];
        }

        var database = new NpgsqlConnectionStringBuilder(postgres).Database;
        var admin = new NpgsqlConnectionStringBuilder(postgres) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database!);
        var pids = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pids.Add(reader.GetInt32(0));
        }

        return pids;
    }

    private static double Seconds(int pid)
    {
        try
        {
            // Fields 14 and 15 (utime, stime) follow the command name, which is in parentheses and may hold spaces.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
