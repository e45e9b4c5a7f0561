using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tijdig.Banking;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>The work queue at /beheer/bank and the assign action behind it.</summary>
public sealed partial class BankWorkQueueTests
{
    private static readonly TestInvoice[] Invoices =
    [
        new("F-1", "T1001", BankLedger.Today, 30.00m),
        new("F-2", "T1001", BankLedger.Today.AddDays(7), 30.00m),
        new("F-9", "T1002", BankLedger.Today, 99.00m),
    ];

    /// <summary>45 euros from the IBAN of T1001: no invoice subset fits, so it waits in the queue.</summary>
    private static readonly TestEntry Unfitting = new(45.00m, true, "Q-1", Remittance: "kinderopvang maart", CounterpartyIban: BankLedger.Iban(1), CounterpartyName: "Ouder T1");

    /// <summary>150 euros from an unknown account with no usable description.</summary>
    private static readonly TestEntry Unknown = new(150.00m, true, "Q-2", Remittance: "onbekend", CounterpartyName: "Stichting X");

    [Fact]
    public async Task Suggestions_RankKnownIbanFirst()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "S-1", 1, [Unfitting]));

        var suggestions = await ledger.RunAsync(async s =>
        {
            var db = s.GetRequiredService<TijdigDbContext>();
            var entry = await db.BankTransactions.SingleAsync(t => t.Outcome == MatchOutcome.Unmatched);
            return await s.GetRequiredService<BankEntrySuggestions>().ForAsync(entry, CancellationToken.None);
        });

        Assert.NotEmpty(suggestions);
        Assert.Equal("T1001", suggestions[0].DebtorNumber);
        Assert.Contains("iban", suggestions[0].Reasons);
        Assert.Contains("name", suggestions[0].Reasons);
        Assert.Equal(60_00, suggestions[0].OpenCents);
    }

    public static TheoryData<string, string?, AssignBankEntryError> Errors() => new()
    {
        { "X999", null, AssignBankEntryError.DebtorNotFound },
        { "T1001", "F-404", AssignBankEntryError.InvoiceNotFound },
        { "T1001", "F-9", AssignBankEntryError.InvoiceOfOtherDebtor },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Assign_RejectsWrongInput(string debtorNumber, string? invoiceNumber, AssignBankEntryError expected)
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "S-1", 1, [Unfitting]));
        var entryId = await ledger.QueryAsync(db => db.BankTransactions.Select(t => t.Id).SingleAsync());

        var result = await ledger.RunAsync<AssignBankEntry, AssignBankEntryResult>(a => a.RunAsync(entryId, debtorNumber, invoiceNumber, CancellationToken.None));

        Assert.Equal(expected, result.Error);
        Assert.Equal(0, await ledger.QueryAsync(db => db.Payments.CountAsync()));
    }

    [Fact]
    public async Task Assign_TwiceIsRejected()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);
        await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "S-1", 1, [Unfitting]));
        var entryId = await ledger.QueryAsync(db => db.BankTransactions.Select(t => t.Id).SingleAsync());

        var first = await ledger.RunAsync<AssignBankEntry, AssignBankEntryResult>(a => a.RunAsync(entryId, "T1001", null, CancellationToken.None));
        var second = await ledger.RunAsync<AssignBankEntry, AssignBankEntryResult>(a => a.RunAsync(entryId, "T1001", null, CancellationToken.None));

        Assert.True(first.Success);
        Assert.Equal(AssignBankEntryError.AlreadyResolved, second.Error);
        Assert.Equal(1, await ledger.QueryAsync(db => db.Payments.CountAsync()));
    }

    [SkippableTheory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Page_AssignBooksEntryOnDebtor(DatabaseProvider provider)
    {
        BankLedger.SkipWithoutPostgres(provider);
        await using var app = await TestWebApp.StartAsync(BankLedger.Today, provider);
        await SeedAsync(app);
        using var client = app.CreateClient();

        var page = await client.GetStringAsync(new Uri("beheer/bank", UriKind.Relative));
        Assert.Contains("data-testid=\"bank-entry\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"suggestion\"", page, StringComparison.Ordinal);
        Assert.Contains("bekend rekeningnummer", page, StringComparison.Ordinal);
        Assert.Contains("Geen suggesties", page, StringComparison.Ordinal);
        var token = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value);
        var entries = await app.QueryAsync(db => db.BankTransactions.OrderBy(t => t.AmountCents).Select(t => t.Id).ToListAsync());

        var partial = await PostAssignAsync(client, token, entries[0], "T1001", "F-2");
        Assert.Contains("Betaling geboekt op debiteur T1001.", partial, StringComparison.Ordinal);
        var overpaid = await PostAssignAsync(client, token, entries[1], "T1002", null);
        Assert.Contains("Betaling geboekt op debiteur T1002; € 51,00 blijft als tegoed staan.", overpaid, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"credit-balance\"", overpaid, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"bank-entry\"", overpaid, StringComparison.Ordinal);

        var rows = await app.QueryAsync(db => db.BankTransactions.OrderBy(t => t.AmountCents).ToListAsync());
        Assert.All(rows, row => Assert.Equal((MatchOutcome.Matched, "manual", BankLedger.Today), (row.Outcome, row.MatchRule, row.ResolvedOn)));

        // 45 euros: F-2 named first (30), the remaining 15 on the oldest other invoice F-1.
        var open = await app.QueryAsync(db => db.Invoices.OrderBy(i => i.InvoiceNumber).Select(i => i.OpenCents).ToListAsync());
        Assert.Equal([15_00L, 0L, 0L], open);
        var credit = await app.QueryAsync(db => db.Payments.SumAsync(p => p.UnallocatedCents));
        Assert.Equal(51_00, credit);
    }

    private static async Task<string> PostAssignAsync(HttpClient client, string token, long entryId, string debtorNumber, string? invoiceNumber)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Assign.EntryId"] = entryId.ToString(CultureInfo.InvariantCulture),
            ["Assign.DebtorNumber"] = debtorNumber,
            ["Assign.InvoiceNumber"] = invoiceNumber ?? "",
        });
        using var response = await client.PostAsync(new Uri("beheer/bank?handler=Assign", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private static async Task SeedAsync(TestWebApp app)
    {
        var debtors = new StringBuilder(LedgerFixtures.DebtorHeader).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"T1001,Ouder T1,t1@example.nl,,{BankLedger.Iban(1)},,,,Transfer,nl,CT1")
            .AppendLine(CultureInfo.InvariantCulture, $"T1002,Ouder T2,t2@example.nl,,{BankLedger.Iban(2)},,,,Transfer,nl,CT2")
            .ToString();
        var invoices = new StringBuilder(LedgerFixtures.InvoiceHeader).AppendLine();
        foreach (var invoice in Invoices)
        {
            invoices.AppendLine(CultureInfo.InvariantCulture, $"{invoice.Number},{invoice.Debtor},{invoice.Due.AddDays(-14):yyyy-MM-dd},{invoice.Due:yyyy-MM-dd},{invoice.Amount.ToString("0.00", CultureInfo.InvariantCulture)},");
        }

        Assert.True((await app.RunAsync(s => s.ImportDebtorsAsync(debtors))).Success);
        Assert.True((await app.RunAsync(s => s.ImportInvoicesAsync(invoices.ToString()))).Success);
        var path = await BankFiles.WriteAsync(app.DataDirectory, "camt.xml", BankFiles.Camt053("MSG-1", "S-1", 1, [Unfitting, Unknown]));
        var report = await app.RunAsync(s => s.ImportBankFileAsync(path));
        Assert.Equal(2, report.Unmatched);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
