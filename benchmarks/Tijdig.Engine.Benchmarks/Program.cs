using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Tijdig.Data;
using Tijdig.Dunning;
using Tijdig.Domain.Dunning;
using Tijdig.Engine.Benchmarks;
using Tijdig.Messaging;
using Tijdig.Messaging.Calendar;

// Runs the dunning engine end to end (load from SQLite, decide) over a generated ledger and compares
// it with a bare query of the same invoice rows.
// Usage: dotnet run -c Release -- [debtors=250000] [invoices-per-debtor=4] [database path] [runs=3]
var debtors = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 250_000;
var perDebtor = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
var path = args.Length > 2 ? args[2] : Path.Combine(Path.GetTempPath(), $"tijdig-bench-{debtors}x{perDebtor}.db");
var runs = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 3;
var date = new DateOnly(2026, 6, 15);

if (!File.Exists(path))
{
    var seeding = Stopwatch.StartNew();
    await SeedDatabase.CreateAsync(path, debtors, perDebtor, date);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {debtors * perDebtor:N0} invoices of {debtors:N0} debtors in {seeding.Elapsed.TotalSeconds:F1} s: {path}"));
}

var appsettings = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
var configuration = new ConfigurationBuilder().AddJsonFile(appsettings).Build();
var engine = new DunningEngine(DunningPolicies.Load(configuration), CollectionCosts.CalculateCents, day => DutchHolidays.IsGeneralHoliday(day));
var builder = new DbContextOptionsBuilder<TijdigDbContext>();
DatabaseSetup.Configure(builder, DatabaseProvider.Sqlite, $"Data Source={path}");
var options = builder.Options;

// Wall-clock time is what the target is about; CPU time of this process shows how much of it other
// processes on the machine took.
var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}"));
for (var run = 1; run <= runs; run++)
{
    GC.Collect();
    var bareCpu = process.TotalProcessorTime;
    var bare = Stopwatch.StartNew();
    var rows = await BareQueryAsync(path);
    bare.Stop();
    process.Refresh();
    bareCpu = process.TotalProcessorTime - bareCpu;
    GC.Collect();

    var startCpu = process.TotalProcessorTime;
    var total = Stopwatch.StartNew();
    await using var db = new TijdigDbContext(options);
    var snapshots = await new DebtorSnapshotLoader(db).LoadAsync(date, CancellationToken.None);
    var loaded = total.Elapsed;
    process.Refresh();
    var loadCpu = process.TotalProcessorTime - startCpu;
    var pauseBefore = GC.GetTotalPauseDuration();
    var decisions = engine.Decide(snapshots, date);
    var decidePause = GC.GetTotalPauseDuration() - pauseBefore;
    total.Stop();
    process.Refresh();
    var totalCpu = process.TotalProcessorTime - startCpu;

    var invoices = snapshots.Sum(s => s.OpenInvoices.Count);
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"run {run}: bare query {rows:N0} rows {bare.Elapsed.TotalSeconds:F2} s (cpu {bareCpu.TotalSeconds:F2}) | load {snapshots.Count:N0} debtors, {invoices:N0} invoices {loaded.TotalSeconds:F2} s (cpu {loadCpu.TotalSeconds:F2}) | decide {decisions.Count:N0} decisions {(total.Elapsed - loaded).TotalSeconds:F2} s (cpu {(totalCpu - loadCpu).TotalSeconds:F2}, gc pauses {decidePause.TotalSeconds:F2}) | end to end {total.Elapsed.TotalSeconds:F2} s (cpu {totalCpu.TotalSeconds:F2}) = {total.Elapsed / bare.Elapsed:F2}x bare wall, {totalCpu / bareCpu:F2}x bare cpu"));
}

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

// The same invoice columns the loader reads, read with a plain data reader into a list.
static async Task<int> BareQueryAsync(string path)
{
    await using var connection = new SqliteConnection($"Data Source={path}");
    await connection.OpenAsync();
    await using var command = connection.CreateCommand();
    command.CommandText = "SELECT Id, DebtorId, InvoiceNumber, DueDate, AmountCents, OpenCents, DunningLevel, LastChanceSentOn, PreReminderSentOn, RepresentOn FROM Invoices WHERE OpenCents > 0";
    await using var reader = await command.ExecuteReaderAsync();
    var rows = new List<(long, long, string, DateOnly, long, long, int, DateOnly?, DateOnly?, DateOnly?)>();
    while (await reader.ReadAsync())
    {
        rows.Add((
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetString(2),
            DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt32(6),
            reader.IsDBNull(7) ? null : DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.IsDBNull(8) ? null : DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            reader.IsDBNull(9) ? null : DateOnly.ParseExact(reader.GetString(9), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    return rows.Count;
}
