using System.Text.Json;
using Tijdig.Cli;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Cli;

/// <summary>The verbs as a user runs them, in-process, each against its own data directory.</summary>
public sealed class VerbTests : IDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("tijdig-cli-").FullName;

    [Fact]
    public async Task Help_ListsEveryVerb()
    {
        var (exitCode, output) = await RunAsync("--help");

        Assert.Equal(0, exitCode);
        foreach (var verb in new[] { "serve", "init", "import debtors", "import invoices", "import bank", "export direct-debits", "cycle run", "report", "messages" })
        {
            Assert.Contains(verb, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnknownVerb_IsUsageError()
    {
        var exception = await Assert.ThrowsAsync<UsageException>(() => RunAsync("frobnicate"));

        Assert.Contains("Onbekende opdracht 'frobnicate'", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportBank_NamesUnsupportedRootElement()
    {
        var path = Path.Combine(_dataDirectory, "not-a-bank-file.xml");
        await File.WriteAllTextAsync(path, "<?xml version=\"1.0\"?><Invoice xmlns=\"urn:example:invoice\"><Id>1</Id></Invoice>");

        var (exitCode, output) = await RunAsync("import", "bank", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("Invoice", output, StringComparison.Ordinal);
        Assert.Contains("niets geboekt", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportBank_SameFileTwiceBooksOnce()
    {
        var sample = TestPaths.Sample("camt053/oca-abnamro-nl-camt053v02.xml");

        var (_, first) = await RunAsync("import", "bank", sample, "--format", "json");
        var (exitCode, second) = await RunAsync("import", "bank", sample);

        using var report = JsonDocument.Parse(first);
        Assert.Equal(4, report.RootElement.GetProperty("newEntries").GetInt32());
        Assert.Equal(0, exitCode);
        Assert.Contains("already imported", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDirectDebits_RejectsNonBusinessDay()
    {
        var exception = await Assert.ThrowsAsync<UsageException>(() => RunAsync("export", "direct-debits", "--date", "2026-12-25"));

        Assert.Contains("2026-12-28", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportDebtors_RejectsLatin1File()
    {
        var path = Path.Combine(_dataDirectory, "latin1.csv");
        var text = "debtor_number,name,payment_method\nD1,M\u00fcller Zo\u00eb,Transfer\n";
        await File.WriteAllBytesAsync(path, System.Text.Encoding.Latin1.GetBytes(text));

        var (exitCode, output) = await RunAsync("import", "debtors", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("geen UTF-8", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportDirectDebits_RejectsPastDate()
    {
        var exception = await Assert.ThrowsAsync<UsageException>(() => RunAsync("export", "direct-debits", "--date", "2020-01-02"));

        Assert.Contains("in the past", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoCycle_ExercisesEveryTriggerOnceOnly()
    {
        await RunAsync("init", "--demo", "--debtors", "150");

        // The demo is dated from today in Amsterdam, which differs from the machine's date around midnight.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Tijdig.Hosting.BusinessCalendar.Amsterdam).DateTime);
        var (exitCode, first) = await RunAsync("cycle", "run", "--date", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        var (_, second) = await RunAsync("cycle", "run");
        var (_, messagesJson) = await RunAsync("messages", "--format", "json");

        Assert.Equal(0, exitCode);
        foreach (var step in new[] { "pre-reminder", "failed-direct-debit", "switch-to-manual-payment", "reminder-1", "reminder-2", "last-chance", "termination" })
        {
            Assert.Contains(step, first, StringComparison.Ordinal);
        }

        Assert.Contains("messages queued 0", second, StringComparison.Ordinal);
        using var messages = JsonDocument.Parse(messagesJson);
        var list = messages.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(list);
        Assert.All(list, m => Assert.Equal("Sent", m.GetProperty("status").GetString()));
        Assert.Equal(list.Count, list.Select(m => (m.GetProperty("debtorNumber").GetString(), m.GetProperty("channel").GetString())).Distinct().Count());
        Assert.Contains(list, m => m.GetProperty("channel").GetString() == "Sms" && m.GetProperty("paymentLink").GetString()!.Contains("/tikkie-sandbox/pay/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DemoReplay_EstimatesRatesFromHistory()
    {
        await RunAsync("init", "--demo", "--debtors", "300");

        var (exitCode, json) = await RunAsync("policy", "replay", "--candidate-version", "2026-01", "--json");
        using var report = JsonDocument.Parse(json);
        var cells = report.RootElement.GetProperty("behaviour").GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("level").GetString() == "Step")
            .ToDictionary(c => c.GetProperty("step").GetString()!, c => (Observations: c.GetProperty("observations").GetInt32(), Paid: c.GetProperty("paid").GetInt32()));

        // The demo's earlier invoices carry a dunning history, so each reminder step has parents who paid after it and parents who did not.
        Assert.Equal(0, exitCode);
        Assert.True(cells["reminder-1"].Observations >= 30, json);
        Assert.InRange(cells["reminder-1"].Paid, 1, cells["reminder-1"].Observations - 1);
        Assert.True(cells["reminder-2"].Paid > 0, json);
        Assert.True(cells["pre-reminder"].Paid > 0, json);
    }

    [Fact]
    public async Task Report_JsonCarriesBalancesAndDso()
    {
        await RunAsync("init", "--demo", "--debtors", "60");

        var (exitCode, output) = await RunAsync("report", "--format", "json");

        Assert.Equal(0, exitCode);
        using var report = JsonDocument.Parse(output);
        Assert.True(report.RootElement.GetProperty("openBalanceCents").GetInt64() > report.RootElement.GetProperty("overdueBalanceCents").GetInt64());
        Assert.True(report.RootElement.GetProperty("daysSalesOutstanding").GetDecimal() > 0);
        Assert.Equal(5, report.RootElement.GetProperty("ageing").GetArrayLength());
    }

    [Theory]
    [InlineData("report", "0001-01-01")]
    [InlineData("report", "9999-12-31")]
    [InlineData("policy replay --candidate-version 2026-01", "9999-12-31")]
    [InlineData("policy replay --candidate-version 2026-01", "0001-01-01")]
    public async Task DateOutOfRange_IsUsageError(string verb, string date)
    {
        var exception = await Assert.ThrowsAsync<UsageException>(() => RunAsync([.. verb.Split(' '), "--date", date]));

        Assert.Contains($"--date '{date}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("2000-01-01", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report --date", "date")]
    [InlineData("policy replay --candidate-version", "candidate-version")]
    [InlineData("policy replay --candidate-version --months 3", "candidate-version")]
    [InlineData("pause add D1 --kind Dispute --until 2027-01-01 --reason", "reason")]
    public async Task OptionWithoutValue_IsUsageError(string command, string option)
    {
        var exception = await Assert.ThrowsAsync<UsageException>(() => RunAsync(command.Split(' ')));

        Assert.Contains($"--{option} heeft geen waarde", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionWithoutValue_FlagsStillWork()
    {
        var line = CommandLine.Parse(["users", "add", "anouk", "--json", "--display-name"]);

        Assert.True(line.Flag("json"));
        Assert.Equal("anouk", line.Word(2));
        Assert.Throws<UsageException>(() => line.Option("display-name"));
    }

    private async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Verbs.RunAsync(CommandLine.Parse([.. args, "--data-dir", _dataDirectory]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file through a pooled connection; the temp folder is cleaned later.
        }
    }
}
