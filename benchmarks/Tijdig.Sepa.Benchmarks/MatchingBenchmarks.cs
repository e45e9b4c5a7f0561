using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tijdig.Banking;
using Tijdig.Domain.Ledger;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Model;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>
/// Matching 100,000 statement entries against 1,000,000 open invoices of 250,000 debtors with the
/// import's <see cref="ReconciliationIndex"/>: building the index, and running the transfer rules
/// for every entry. The entries are a mix: a quarter each by structured reference, by invoice number
/// in the text, by known IBAN with the amount, and a quarter that matches nothing.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    public const int InvoiceCount = 1_000_000;
    public const int EntryCount = 100_000;
    private const int InvoicesPerDebtor = 4;

    private List<Invoice> _invoices = null!;
    private List<Debtor> _debtors = null!;
    private ReconciliationIndex _index = null!;
    private (EntryTransaction Transaction, long Cents)[] _entries = null!;

    [GlobalSetup]
    public void Setup()
    {
        _debtors = new List<Debtor>(InvoiceCount / InvoicesPerDebtor);
        _invoices = new List<Invoice>(InvoiceCount);
        for (var d = 0; d < InvoiceCount / InvoicesPerDebtor; d++)
        {
            _debtors.Add(new Debtor
            {
                Id = d + 1,
                DebtorNumber = "D" + d.ToString("D7", CultureInfo.InvariantCulture),
                Name = "Ouder " + d.ToString(CultureInfo.InvariantCulture),
                Iban = Iban.Create("NL", "ABNA" + (d + 1000).ToString("D10", CultureInfo.InvariantCulture)).Value,
            });
        }

        for (var i = 0; i < InvoiceCount; i++)
        {
            var cents = 100_00 + (i % 500) * 100 + i % 100;
            _invoices.Add(new Invoice
            {
                Id = i + 1,
                InvoiceNumber = "F-" + i.ToString("D7", CultureInfo.InvariantCulture),
                DebtorId = i / InvoicesPerDebtor + 1,
                DueDate = new DateOnly(2024, 1, 1).AddDays(i % InvoicesPerDebtor * 30),
                AmountCents = cents,
                OpenCents = cents,
                PaymentReference = PaymentReference.Create(1_000_000_000L + i),
            });
        }

        _index = ReconciliationIndex.Build(_invoices, _debtors, []);
        _entries = Entries();
    }

    [Benchmark]
    public int BuildIndex1MInvoices() => ReconciliationIndex.Build(_invoices, _debtors, []).InvoiceCount;

    [Benchmark]
    public int Match100KEntries()
    {
        var matched = 0;
        foreach (var (tx, cents) in _entries)
        {
            if (TransferMatcher.Match(_index, tx, null, cents) is not null)
            {
                matched++;
            }
        }

        return matched;
    }

    private (EntryTransaction, long)[] Entries()
    {
        var entries = new (EntryTransaction, long)[EntryCount];
        var step = InvoiceCount / EntryCount;
        for (var e = 0; e < EntryCount; e++)
        {
            var invoice = _invoices[e * step];
            var debtor = _debtors[(int)invoice.DebtorId - 1];
            entries[e] = (e % 4) switch
            {
                0 => (Transfer(structured: invoice.PaymentReference), invoice.OpenCents),
                1 => (Transfer(text: "Betaling factuur " + invoice.InvoiceNumber + " kinderopvang"), invoice.OpenCents),
                2 => (Transfer(iban: debtor.Iban, text: "kinderopvang maart"), invoice.OpenCents),
                _ => (Transfer(text: "Gift voor het zomerfeest " + e.ToString(CultureInfo.InvariantCulture)), 12_34),
            };
        }

        return entries;
    }

    private static EntryTransaction Transfer(string? structured = null, string? text = null, string? iban = null) =>
        new(null, CreditDebit.Credit, null, null, null, null, null, null, "Ouder", iban, text, structured, null, null, null);
}
