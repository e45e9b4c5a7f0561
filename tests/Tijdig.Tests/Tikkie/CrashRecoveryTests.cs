using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Tijdig.Payments;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Tikkie;

/// <summary>
/// Exactly-once creation under a real crash: the CLI's <c>cycle run</c> is started as a child
/// process and killed right after Tikkie created the request, before Tijdig committed the token.
/// The next run must adopt that request instead of creating a second payable link.
/// </summary>
public sealed class CrashRecoveryTests
{
    /// <summary>
    /// With one worker and one message per batch, the second debtor's attempt was never committed, so the next run
    /// creates it. With the default batch, both attempts were committed before the first call, so the
    /// second one may still be in flight as far as the next run can tell: it waits a minute and creates nothing.
    /// </summary>
    [Theory]
    [InlineData(1, 2)]
    [InlineData(null, 1)]
    public async Task KilledCycle_LeavesOnePayableRequest(int? batchSize, int requestsAfterRecovery)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-crash-").FullName;
        try
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Hosting.BusinessCalendar.Amsterdam).DateTime);
            await SeedAsync(dataDirectory, today);

            var crashed = await RunCliAsync(dataDirectory, crash: true, batchSize, "cycle", "run", "--date", Iso(today));
            var tokensAfterCrash = ScalarLong(Path.Combine(dataDirectory, "tijdig.db"), "SELECT COUNT(*) FROM PaymentRequests WHERE Token IS NOT NULL");
            var smsAfterCrash = SmsFiles(dataDirectory);
            var createdBeforeCrash = ScalarLong(Path.Combine(dataDirectory, "tikkie-sandbox.db"), "SELECT COUNT(*) FROM payment_requests");
            var recovered = await RunCliAsync(dataDirectory, crash: false, batchSize, "cycle", "run", "--date", Iso(today));

            Assert.NotEqual(0, crashed.ExitCode);
            Assert.Equal(0, tokensAfterCrash);
            Assert.Equal(1, createdBeforeCrash);
            Assert.Empty(smsAfterCrash);
            Assert.True(recovered.ExitCode == 0, recovered.Output);

            var sandbox = Path.Combine(dataDirectory, "tikkie-sandbox.db");
            var ledger = Path.Combine(dataDirectory, "tijdig.db");
            Assert.Equal(requestsAfterRecovery, ScalarLong(sandbox, "SELECT COUNT(*) FROM payment_requests"));
            Assert.Equal(requestsAfterRecovery, ScalarLong(sandbox, "SELECT COUNT(DISTINCT reference_id) FROM payment_requests"));
            Assert.Equal(requestsAfterRecovery, ScalarLong(ledger, "SELECT COUNT(*) FROM PaymentRequests WHERE Token IS NOT NULL"));
            Assert.Equal(requestsAfterRecovery, ScalarLong(
                ledger,
                "SELECT COUNT(*) FROM PaymentRequests r WHERE r.Token IN (SELECT token FROM sandbox.payment_requests)",
                attach: sandbox));
            Assert.Equal(2 - requestsAfterRecovery, ScalarLong(ledger, "SELECT COUNT(*) FROM PaymentRequests WHERE Token IS NULL AND CreationAttemptedAt IS NOT NULL"));
            Assert.Equal(requestsAfterRecovery, SmsFiles(dataDirectory).Count);
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task SeedAsync(string dataDirectory, DateOnly today)
    {
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"K1,Familie Een,k1@example.nl,0612345601,{LedgerFixtures.Iban(6_000_001)},,,,Transfer,nl,CK1")
            .AppendLine(CultureInfo.InvariantCulture, $"K2,Familie Twee,k2@example.nl,0612345602,{LedgerFixtures.Iban(6_000_002)},,,,Transfer,nl,CK2");
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"FK-1,K1,{today.AddDays(-22):yyyy-MM-dd},{today.AddDays(-8):yyyy-MM-dd},80.00,")
            .AppendLine(CultureInfo.InvariantCulture, $"FK-2,K2,{today.AddDays(-22):yyyy-MM-dd},{today.AddDays(-8):yyyy-MM-dd},95.00,");
        var debtorFile = Path.Combine(dataDirectory, "debtors.csv");
        var invoiceFile = Path.Combine(dataDirectory, "invoices.csv");
        await File.WriteAllTextAsync(debtorFile, debtors.ToString());
        await File.WriteAllTextAsync(invoiceFile, invoices.ToString());

        Assert.Equal(0, (await RunCliAsync(dataDirectory, crash: false, null, "import", "debtors", debtorFile)).ExitCode);
        Assert.Equal(0, (await RunCliAsync(dataDirectory, crash: false, null, "import", "invoices", invoiceFile)).ExitCode);
    }

    private static async Task<(int ExitCode, string Output)> RunCliAsync(string dataDirectory, bool crash, int? batchSize, params string[] arguments)
    {
        var binary = Path.Combine(TestPaths.RepositoryRoot, "src", "Tijdig", "bin", BuildConfiguration(), "net10.0", "Tijdig.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(binary)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(binary);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--data-dir");
        start.ArgumentList.Add(dataDirectory);
        start.Environment[PaymentRequestCreator.CrashAfterCreateVariable] = crash ? "1" : null;
        start.Environment["Messaging__Mode"] = "Local";
        start.Environment["Outbox__DispatchBatchSize"] = batchSize?.ToString(CultureInfo.InvariantCulture);

        // Two workers could each have a create call in flight when the process is killed.
        start.Environment["Outbox__Workers"] = batchSize is null ? null : "1";

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }

    /// <summary>Debug or Release, read from this test's own output folder (bin/CONFIG/net10.0).</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static List<string> SmsFiles(string dataDirectory)
    {
        var outbox = Path.Combine(dataDirectory, "outbox");
        return Directory.Exists(outbox)
            ? Directory.GetFiles(outbox, "*", SearchOption.AllDirectories).Where(f => f.Contains("sms", StringComparison.OrdinalIgnoreCase)).ToList()
            : [];
    }

    private static long ScalarLong(string database, string sql, string? attach = null)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
        connection.Open();
        if (attach is not null)
        {
            using var attachCommand = connection.CreateCommand();
            attachCommand.CommandText = "ATTACH DATABASE $path AS sandbox";
            attachCommand.Parameters.AddWithValue("$path", attach);
            attachCommand.ExecuteNonQuery();
        }

        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
