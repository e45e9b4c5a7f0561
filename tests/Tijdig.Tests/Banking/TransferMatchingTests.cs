using Microsoft.EntityFrameworkCore;
using Tijdig.Data;
using Tijdig.Domain.Banking;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>Incoming transfers through the import use case: which rule matches, and what each invoice owes afterwards.</summary>
public sealed class TransferMatchingTests
{
    private static readonly DateOnly Due = new(2024, 2, 1);

    private static readonly TestInvoice[] Invoices =
    [
        new("F-2024-001", "T1001", Due, 100.00m, BankLedger.Reference(2024_001)),
        new("F-2024-002", "T1001", Due.AddMonths(1), 40.00m),
        new("F-2024-003", "T1001", Due.AddMonths(2), 60.00m),
        new("F-2024-010", "T1002", Due, 75.50m),
        new("F-2024-020", "T1003", Due, 30.00m),
        new("F-2024-021", "T1003", Due.AddMonths(1), 30.00m),
    ];

    public static TheoryData<string, TestEntry, string?, Dictionary<string, long>> Cases() => new()
    {
        {
            "structured reference",
            new TestEntry(100.00m, true, "R1", StructuredReference: BankLedger.Reference(2024_001)),
            "structured-reference",
            new() { ["F-2024-001"] = 0 }
        },
        {
            "invoice number with prefix and other case",
            new TestEntry(75.50m, true, "R2", Remittance: "betaling factuur:f-2024-010 dank"),
            "invoice-number",
            new() { ["F-2024-010"] = 0 }
        },
        {
            "two invoice numbers in one payment",
            new TestEntry(100.00m, true, "R3", Remittance: "F-2024-002 en F-2024-003"),
            "invoice-number",
            new() { ["F-2024-001"] = 100_00, ["F-2024-002"] = 0, ["F-2024-003"] = 0 }
        },
        {
            "debtor number settles an exact subset",
            new TestEntry(160.00m, true, "R4", Remittance: "debiteur T1001"),
            "debtor-number-amount",
            new() { ["F-2024-001"] = 0, ["F-2024-002"] = 40_00, ["F-2024-003"] = 0 }
        },
        {
            "debtor number without exact subset pays oldest first, partly",
            new TestEntry(120.00m, true, "R5", Remittance: "deb:T1001"),
            "debtor-number",
            new() { ["F-2024-001"] = 0, ["F-2024-002"] = 20_00, ["F-2024-003"] = 60_00 }
        },
        {
            "known IBAN with the amount of two invoices",
            new TestEntry(60.00m, true, "R6", CounterpartyIban: BankLedger.Iban(3)),
            "iban-amount-amount",
            new() { ["F-2024-020"] = 0, ["F-2024-021"] = 0 }
        },
        {
            "known IBAN with an amount that fits nothing stays unmatched",
            new TestEntry(45.00m, true, "R7", CounterpartyIban: BankLedger.Iban(3)),
            null,
            new() { ["F-2024-020"] = 30_00, ["F-2024-021"] = 30_00 }
        },
        {
            "unknown description stays unmatched",
            new TestEntry(12.34m, true, "R8", Remittance: "gift"),
            null,
            new() { ["F-2024-001"] = 100_00 }
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Transfer_MatchesByRule(string name, TestEntry entry, string? rule, Dictionary<string, long> openAfter)
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);

        var report = await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-" + entry.ServicerReference, "STMT-1", 1, [entry]));

        Assert.Equal(1, report.NewEntries);
        if (rule is null)
        {
            Assert.True(report.Unmatched == 1, name);
            Assert.Empty(report.MatchedByRule);
        }
        else
        {
            Assert.Equal(new Dictionary<string, int> { [rule] = 1 }, report.MatchedByRule);
        }

        foreach (var (number, cents) in openAfter)
        {
            Assert.Equal((number, cents), (number, await ledger.OpenCentsAsync(number)));
        }
    }

    [Fact]
    public async Task Overpayment_LeavesVisibleCreditBalance()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);

        var report = await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "STMT-1", 1, [new TestEntry(80.00m, true, "R1", Remittance: "F-2024-010")]));

        Assert.Equal(1, report.Overpayments);
        Assert.Equal(4_50, report.CreditBalanceCents);
        Assert.Equal(0, await ledger.OpenCentsAsync("F-2024-010"));
        var payment = await ledger.QueryAsync(db => db.Payments.SingleAsync());
        Assert.Equal(4_50, payment.UnallocatedCents);
        var debtor = await ledger.QueryAsync(db => db.Debtors.SingleAsync(d => d.DebtorNumber == "T1002"));
        Assert.Equal(debtor.Id, payment.DebtorId);
    }

    [Fact]
    public async Task PartialPayment_LeavesInvoicePartlyOpen()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);

        var report = await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "STMT-1", 1, [new TestEntry(25.50m, true, "R1", Remittance: "factuur F-2024-010")]));

        Assert.Equal(1, report.PartialPayments);
        Assert.Equal(0, report.Overpayments);
        Assert.Equal(50_00, await ledger.OpenCentsAsync("F-2024-010"));
        var invoice = await ledger.InvoiceAsync("F-2024-010");
        Assert.Null(invoice.PaidOn);
    }

    [Fact]
    public async Task UnmatchedEntry_IsStoredForWorkQueue()
    {
        await using var ledger = await BankLedger.CreateAsync(DatabaseProvider.Sqlite, Invoices);

        await ledger.ImportXmlAsync("camt.xml", BankFiles.Camt053("MSG-1", "STMT-1", 1, [new TestEntry(9.99m, true, "R1", Remittance: "onbekend", CounterpartyName: "J. Jansen")]));

        var row = await ledger.QueryAsync(db => db.BankTransactions.SingleAsync());
        Assert.Equal(MatchOutcome.Unmatched, row.Outcome);
        Assert.Equal(9_99, row.AmountCents);
        Assert.Equal("J. Jansen", row.CounterpartyName);
    }
}
