using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Cli;
using Tijdig.Data;
using Tijdig.Dunning;
using Tijdig.Dunning.Law;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Dunning;

/// <summary><c>statements request</c>, <c>list</c> and <c>delivered</c> on both databases, the verbs through the CLI, and the page's PDF link.</summary>
public sealed class StatementVerbTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private const string Debtors = LedgerFixtures.DebtorHeader + "\n"
        + "TOE1,Ouder Toeslagen,toe1@example.nl,0612345170,,,,,Transfer,nl,C1\n"
        + "TOE2,Ouder Twee,toe2@example.nl,0612345171,,,,,Transfer,nl,C2\n";

    private const string Invoices = LedgerFixtures.InvoiceHeader + "\n"
        + "F-TOE-1,TOE1,2025-12-15,2026-01-01,250.00,\n"
        + "F-TOE-2,TOE2,2026-01-15,2026-02-01,125.00,\n";

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statements_RequestListDeliver(DatabaseProvider provider)
    {
        await using var ledger = await LedgerAsync(provider);

        var (requestCode, requested) = await RunAsync(ledger, Today, "statements", "request", "TOE1");
        await RunAsync(ledger, Today, "statements", "request", "TOE2", "--date", "2026-02-10");
        var item = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Key.EndsWith(":2026-03-02")));
        var early = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Key.EndsWith(":2026-02-10")));

        Assert.Equal(0, requestCode);
        Assert.Contains($"Saldo-opgave {item.Id} voor TOE1 per 2026-03-02: 1 factuur, hoofdsom € 250,00", requested, StringComparison.Ordinal);
        Assert.Contains("Aanleveren uiterlijk 2026-03-16.", requested, StringComparison.Ordinal);
        var pdf = Path.Combine(ledger.DataDirectory, "statements", "2026-03-02", $"saldo-opgave-{item.Id}.pdf");
        Assert.Contains("Pdf: " + pdf, requested, StringComparison.Ordinal);
        Assert.True(File.Exists(pdf), pdf);
        Assert.Equal(new DateOnly(2026, 2, 24), early.DueOn);

        var (_, listed) = await RunAsync(ledger, Today, "statements", "list");
        var lines = listed.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith(early.Id.ToString(CultureInfo.InvariantCulture) + "  TOE2", lines[0], StringComparison.Ordinal);
        Assert.Contains("uiterlijk 2026-02-24  TE LAAT", lines[0], StringComparison.Ordinal);
        Assert.Contains("uiterlijk 2026-03-16  open", lines[1], StringComparison.Ordinal);
        Assert.Contains($"statements/2026-03-02/saldo-opgave-{item.Id}.pdf", lines[1], StringComparison.Ordinal);
        Assert.Equal("2 saldo-opgaven, 2 open, 1 te laat.", lines[2]);

        var (deliverCode, delivered) = await RunAsync(ledger, Today, "statements", "delivered", item.Id.ToString(CultureInfo.InvariantCulture), "--date", "2026-03-05");
        var (_, open) = await RunAsync(ledger, Today, "statements", "list", "--open");
        var (_, all) = await RunAsync(ledger, Today, "statements", "list");

        Assert.Equal(0, deliverCode);
        Assert.Contains($"Saldo-opgave {item.Id} van TOE1 geleverd op 2026-03-05", delivered, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2026, 3, 5), (await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Id == item.Id))).ResolvedOn);
        Assert.DoesNotContain("TOE1", open, StringComparison.Ordinal);
        Assert.Contains("1 saldo-opgave, 1 open, 1 te laat.", open, StringComparison.Ordinal);
        Assert.Contains("geleverd 2026-03-05", all, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statements_UnknownDebtorOrIdIsNamed(DatabaseProvider provider)
    {
        await using var ledger = await LedgerAsync(provider);

        var debtor = await Assert.ThrowsAsync<UsageException>(() => RunAsync(ledger, Today, "statements", "request", "ONBEKEND"));
        var id = await Assert.ThrowsAsync<UsageException>(() => RunAsync(ledger, Today, "statements", "delivered", "999"));
        var missing = await Assert.ThrowsAsync<UsageException>(() => RunAsync(ledger, Today, "statements", "request"));
        var word = await Assert.ThrowsAsync<UsageException>(() => RunAsync(ledger, Today, "statements", "send"));

        Assert.Equal("Debiteur 'ONBEKEND' niet gevonden: controleer het debiteurnummer (debtor not found).", debtor.Message);
        Assert.Contains("Saldo-opgave 999 niet gevonden", id.Message, StringComparison.Ordinal);
        Assert.Contains("Debiteurnummer ontbreekt", missing.Message, StringComparison.Ordinal);
        Assert.Contains("Onbekende opdracht", word.Message, StringComparison.Ordinal);
        Assert.Equal(0, await ledger.QueryAsync(db => db.WorkItems.CountAsync()));
    }

    [Fact]
    public async Task Cli_RunsStatementsVerbsAndHelp()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("tijdig-statements-").FullName;
        try
        {
            var debtors = Path.Combine(dataDirectory, "debtors.csv");
            var invoices = Path.Combine(dataDirectory, "invoices.csv");
            await File.WriteAllTextAsync(debtors, Debtors);
            await File.WriteAllTextAsync(invoices, Invoices);
            await CliAsync(dataDirectory, "import", "debtors", debtors);
            await CliAsync(dataDirectory, "import", "invoices", invoices);

            var (code, requested) = await CliAsync(dataDirectory, "statements", "request", "TOE1", "--date", "2026-03-02");
            var (_, listed) = await CliAsync(dataDirectory, "statements", "list", "--open");
            var (_, help) = await CliAsync(dataDirectory, "--help");

            Assert.Equal(0, code);
            Assert.Contains("voor TOE1 per 2026-03-02", requested, StringComparison.Ordinal);
            Assert.Single(Directory.GetFiles(Path.Combine(dataDirectory, "statements", "2026-03-02"), "saldo-opgave-*.pdf"));
            Assert.Contains("TOE1", listed, StringComparison.Ordinal);
            Assert.Contains("statements request DEBTOR [--date D]", help, StringComparison.Ordinal);
            Assert.Contains("statements delivered ID [--date D]", help, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // SQLite may still hold the file through a pooled connection; the temp folder is cleaned later.
            }
        }
    }

    [Fact]
    public async Task Page_PdfLinkReturnsPdf()
    {
        await using var app = await TestWebApp.StartAsync(Today);
        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(Invoices))).Success);
        var (task, _) = await app.RunAsync(s => s.GetRequiredService<BalanceStatements>().RequestAsync("TOE1", Today, CancellationToken.None));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri("beheer/beleid/saldo-opgaven", UriKind.Relative)));
        var anchor = Regex.Match(page, "<a [^>]*data-testid=\"statement-pdf\"[^>]*>").Value;
        var link = Regex.Match(anchor, "href=\"([^\"]+)\"").Groups[1].Value;
        using var response = await client.GetAsync(new Uri(app.BaseAddress, link));
        var content = await response.Content.ReadAsByteArrayAsync();
        using var missing = await client.GetAsync(new Uri("beheer/beleid/saldo-opgaven?id=999&handler=Pdf", UriKind.Relative));
        var opened = WebUtility.HtmlDecode(await client.GetStringAsync(new Uri(string.Create(CultureInfo.InvariantCulture, $"beheer/beleid/saldo-opgaven?id={task.WorkItemId}"), UriKind.Relative)));

        Assert.Contains("handler=Pdf", link, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"id={task.WorkItemId}"), link, StringComparison.Ordinal);
        Assert.Contains("SHA-256 " + task.Sha256, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("saldo-opgave-TOE1-2026-03-02.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, task.PdfPath!)), content);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<code class=\"hash\">SHA-256 " + task.Sha256 + "</code>", opened, StringComparison.Ordinal);
    }

    private static async Task<TestLedger> LedgerAsync(DatabaseProvider provider)
    {
        Skip.If(provider == DatabaseProvider.PostgreSql && TestDatabase.PostgresServer is null, $"{TestDatabase.PostgresVariable} is not set.");
        var ledger = await TestLedger.CreateAsync(Today, provider);
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(Invoices))).Success);
        return ledger;
    }

    // The verb with the services of one scope, as the CLI runs it, on the ledger's database.
    private static Task<(int ExitCode, string Output)> RunAsync(TestLedger ledger, DateOnly today, params string[] args) => ledger.RunAsync(async services =>
    {
        var output = new StringWriter();
        var exitCode = await StatementVerbs.RunAsync(CommandLine.Parse(args), services, today, output, CancellationToken.None);
        return (exitCode, output.ToString());
    });

    private static async Task<(int ExitCode, string Output)> CliAsync(string dataDirectory, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = await Verbs.RunAsync(CommandLine.Parse([.. args, "--data-dir", dataDirectory]), output, CancellationToken.None);
        return (exitCode, output.ToString());
    }
}
