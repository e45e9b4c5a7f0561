using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tijdig.Domain;
using Tijdig.Domain.Collections;
using Tijdig.Domain.Dunning.Law;
using Tijdig.Dunning.Law;
using Tijdig.Tests.Infrastructure;
using UglyToad.PdfPig;

namespace Tijdig.Tests.Dunning;

/// <summary>The PDF of a balance statement, read back as text: what the scheme receives must match what <see cref="BalanceStatements.BuildAsync"/> computes.</summary>
public sealed class BalanceStatementPdfTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private const string Debtors = LedgerFixtures.DebtorHeader + ",street,postcode,city\n"
        + "TOE1,Ouder Toeslagen,toe1@example.nl,0612345170,,,,,Transfer,nl,C1,Lindelaan 12,1234ab,Utrecht\n";

    private const string Invoices = LedgerFixtures.InvoiceHeader + "\n"
        + "F-TOE-1,TOE1,2025-12-15,2026-01-01,250.00,\n"
        + "F-TOE-2,TOE1,2026-01-15,2026-02-01,1234.56,\n";

    private static readonly Dictionary<string, string?> Letterhead = new()
    {
        ["Organisation:Name"] = "Kinderopvang De Vlinder",
        ["Letters:SenderLines:0"] = "Kinderopvang De Vlinder",
        ["Letters:SenderLines:1"] = "Bloemstraat 3",
        ["Letters:SenderLines:2"] = "3511 AB Utrecht",
        ["Letters:SenderLines:3"] = "030 123 45 67",
    };

    [Fact]
    public async Task Pdf_CarriesInvoicesDatesAndTotals()
    {
        await using var ledger = await LedgerAsync();
        await AddChargedClaimAsync(ledger, costsCents: 40_00, vatCents: 8_40);

        var (task, statement) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        var text = PdfText(await File.ReadAllBytesAsync(Path.Combine(ledger.DataDirectory, task.PdfPath!)));

        Assert.Equal(2, statement.Lines.Count);
        Assert.Equal(48_40, statement.CollectionCostsCents);
        foreach (var line in statement.Lines)
        {
            Assert.Contains(line.InvoiceNumber, text, StringComparison.Ordinal);
            Assert.Contains(BalanceStatementPdf.FormatDate(line.IssueDate), text, StringComparison.Ordinal);
            Assert.Contains(BalanceStatementPdf.FormatDate(line.DueDate), text, StringComparison.Ordinal);
            Assert.Contains(Money.Format(line.PrincipalCents), text, StringComparison.Ordinal);
            Assert.Contains(Money.Format(line.InterestCents), text, StringComparison.Ordinal);
        }

        Assert.Contains("15-12-2025", text, StringComparison.Ordinal);
        Assert.Contains("€ 1.234,56", text, StringComparison.Ordinal);
        Assert.Contains("Hoofdsom " + Money.Format(statement.PrincipalCents), text, StringComparison.Ordinal);
        Assert.Contains("Wettelijke rente " + Money.Format(statement.InterestCents), text, StringComparison.Ordinal);
        Assert.Contains("Incassokosten in rekening gebracht € 48,40", text, StringComparison.Ordinal);
        Assert.Contains("Totaal openstaand " + Money.Format(statement.TotalCents), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_NamesPartiesDateSchemeAndContact()
    {
        await using var ledger = await LedgerAsync();

        var (task, _) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        var text = PdfText(await File.ReadAllBytesAsync(Path.Combine(ledger.DataDirectory, task.PdfPath!)));

        Assert.Contains("Saldo-opgave", text, StringComparison.Ordinal);
        Assert.Contains("Bloemstraat 3", text, StringComparison.Ordinal);
        Assert.Contains("3511 AB Utrecht", text, StringComparison.Ordinal);
        Assert.Contains("Ouder Toeslagen", text, StringComparison.Ordinal);
        Assert.Contains("Debiteurnummer: TOE1", text, StringComparison.Ordinal);
        Assert.Contains("Lindelaan 12, 1234 AB Utrecht", text, StringComparison.Ordinal);
        Assert.Contains("Datum opgave: 2 maart 2026", text, StringComparison.Ordinal);
        Assert.Contains("schuldenaanpak van de herstelregeling toeslagenaffaire", text, StringComparison.Ordinal);
        Assert.Contains("Neem contact op met Kinderopvang De Vlinder", text, StringComparison.Ordinal);
        Assert.Contains("Incassokosten in rekening gebracht € 0,00", text, StringComparison.Ordinal);

        // The letterhead prints the organisation's name once, though the sender lines repeat it.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "Kinderopvang De Vlinder Bloemstraat"));
    }

    [Fact]
    public async Task Pdf_StoredOnceWithHashInWorkItem()
    {
        await using var ledger = await LedgerAsync();

        var (task, _) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        var path = Path.Combine(ledger.DataDirectory, task.PdfPath!);
        var written = await File.ReadAllBytesAsync(path);
        var (again, _) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));

        Assert.Equal($"statements/2026-03-02/saldo-opgave-{task.WorkItemId}.pdf", task.PdfPath);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(written)), task.Sha256);
        Assert.Equal(task.Sha256, again.Sha256);
        Assert.Equal(written, await File.ReadAllBytesAsync(path));
        var item = await ledger.QueryAsync(db => db.WorkItems.SingleAsync(w => w.Queue == BalanceStatements.Queue));
        Assert.Contains("SHA-256 " + task.Sha256, item.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadPdf_WritesMissingFileAgain()
    {
        await using var ledger = await LedgerAsync();
        var (task, _) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        File.Delete(Path.Combine(ledger.DataDirectory, task.PdfPath!));

        var (fileName, content) = await ledger.RunAsync<BalanceStatements, (string, byte[])>(s => s.ReadPdfAsync(task.WorkItemId, CancellationToken.None));

        Assert.Equal("saldo-opgave-TOE1-2026-03-02.pdf", fileName);
        Assert.Contains("F-TOE-2", PdfText(content), StringComparison.Ordinal);
        var listed = await ledger.RunAsync<BalanceStatements, IReadOnlyList<BalanceStatementTask>>(s => s.ListAsync(10, openOnly: false, CancellationToken.None));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), Assert.Single(listed).Sha256);
    }

    [Fact]
    public async Task Pdf_ContinuesLongStatementOnNextPage()
    {
        await using var ledger = await TestLedger.CreateAsync(Today, settings: Letterhead);
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        var invoices = new System.Text.StringBuilder(LedgerFixtures.InvoiceHeader).Append('\n');
        for (var month = 1; month <= 60; month++)
        {
            var due = new DateOnly(2021, 1, 1).AddMonths(month - 1);
            invoices.Append(System.Globalization.CultureInfo.InvariantCulture, $"F-{month:000},TOE1,{due.AddDays(-14):yyyy-MM-dd},{due:yyyy-MM-dd},100.00,\n");
        }

        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(invoices.ToString()))).Success);

        var (task, statement) = await ledger.RunAsync<BalanceStatements, (BalanceStatementTask, BalanceStatement)>(s => s.RequestAsync("TOE1", Today, CancellationToken.None));
        using var document = PdfDocument.Open(Path.Combine(ledger.DataDirectory, task.PdfPath!));
        var text = string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        Assert.True(document.NumberOfPages >= 2, $"60 invoices fit on {document.NumberOfPages} page(s)");
        Assert.Contains("F-001", text, StringComparison.Ordinal);
        Assert.Contains("F-060", text, StringComparison.Ordinal);
        Assert.Contains("Totaal openstaand " + Money.Format(statement.TotalCents), text, StringComparison.Ordinal);
        Assert.Contains("Factuurnummer", string.Join(" ", document.GetPage(2).GetWords().Select(w => w.Text)), StringComparison.Ordinal);
    }

    private static async Task<TestLedger> LedgerAsync()
    {
        var ledger = await TestLedger.CreateAsync(Today, settings: Letterhead);
        Assert.True((await ledger.RunAsync(s => s.ImportDebtorsAsync(Debtors))).Success);
        Assert.True((await ledger.RunAsync(s => s.ImportInvoicesAsync(Invoices))).Success);
        return ledger;
    }

    private static Task<int> AddChargedClaimAsync(TestLedger ledger, long costsCents, long vatCents) => ledger.QueryAsync(async db =>
    {
        var debtor = await db.Debtors.SingleAsync(d => d.DebtorNumber == "TOE1");
        db.AgencyClaims.Add(new AgencyClaim
        {
            DebtorId = debtor.Id,
            Agency = "incasso-a",
            PrincipalCents = 250_00,
            CollectionCostsCents = costsCents,
            CollectionCostsVatCents = vatCents,
            InvoiceNumbers = "F-TOE-1",
            CreatedOn = Today.AddDays(-5),
            Status = ClaimStatus.Submitted,
        });
        return await db.SaveChangesAsync();
    });

    // Words joined by single spaces: PdfPig returns each drawn string split at spaces.
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(" ", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
