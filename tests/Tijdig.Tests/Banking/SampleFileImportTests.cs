using Tijdig.Data;
using Tijdig.Tests.Infrastructure;

namespace Tijdig.Tests.Banking;

/// <summary>
/// Every real bank file under samples/iso20022, imported into an empty ledger on each database.
/// Each file has an expected number of bookable units (a transaction detail, or an entry without
/// details) and of unmatched units, and a second import of the same file must be recognised. With no invoices and no
/// collections in the ledger, no entry can match, so every unit is unmatched or ignored.
/// </summary>
public sealed class SampleFileImportTests
{
    /// <summary>
    /// File, units, and how many of them wait in the work queue of an empty ledger. The Swiss files
    /// are in francs: their entries are stored but never booked on a euro ledger, so none waits.
    /// </summary>
    private static readonly (string File, int Units, int Unmatched)[] Samples =
    [
        ("camt053/camtparser-ing-nl-camt053v02-batch.xml", 3, 2),
        ("camt053/camtparser-postfinance-ch-camt053v04-dd-returns.xml", 32, 0),
        ("camt053/genkgo-camt053v02-multi-statement.xml", 2, 1),
        ("camt053/genkgo-camt053v08.xml", 1, 1),
        ("camt053/oca-abnamro-nl-camt053v02.xml", 4, 1),
        ("camt053/oca-ch-camt053v04-multi-txdtls.xml", 2, 0),
        ("camt053/ofxstatement-camt053v08-dmct.xml", 1, 0),
        ("camt054/camtparser-postfinance-ch-camt054v04-dd-md06.xml", 5, 0),
        ("camt054/genkgo-camt054v02.xml", 3, 0),
        ("camt054/genkgo-ch-camt054v08.xml", 3, 0),
        ("camt054/oca-boi-camt054v02-dd-return-ac06.xml", 1, 1),
        ("camt054/oca-camt054v04.xml", 1, 1),
        ("mt940/asn-bank.sta", 8, 3),
        ("mt940/jejik-abnamro.sta", 10, 0),
        ("mt940/jejik-ing.sta", 7, 2),
        ("mt940/jejik-knab.sta", 3, 2),
        ("mt940/jejik-rabobank.sta", 5, 0),
        ("mt940/jejik-triodos.sta", 2, 0),
        ("pain002/oca-boi-pain002v03-dd-rejects.xml", 4, 4),
    ];

    public static TheoryData<DatabaseProvider, string, int, int> Cases()
    {
        var data = new TheoryData<DatabaseProvider, string, int, int>();
        foreach (var provider in TestDatabase.Providers().Select(p => (DatabaseProvider)p[0]))
        {
            foreach (var (file, units, unmatched) in Samples)
            {
                data.Add(provider, file, units, unmatched);
            }
        }

        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public async Task Sample_ImportsWithExpectedCounts(DatabaseProvider provider, string file, int units, int unmatched)
    {
        BankLedger.SkipWithoutPostgres(provider);
        await using var ledger = await BankLedger.CreateAsync(provider);

        var report = await ledger.ImportAsync(TestPaths.Sample(file));
        var again = await ledger.ImportAsync(TestPaths.Sample(file));

        Assert.Equal((file, units, unmatched), (file, report.Entries, report.Unmatched));
        Assert.Equal(report.Entries, report.NewEntries);
        Assert.Equal(report.Entries, report.Unmatched + report.Ignored + report.ReturnsByReason.Values.Sum() + report.MatchedByRule.Values.Sum());
        Assert.True(again.AlreadyImported);
        Assert.Equal((1, report.Entries), await ledger.QueryAsync(async db => (db.BankImports.Count(), db.BankTransactions.Count())));
    }
}
