using System.Globalization;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>
/// The collections that the Node script writes with the npm package sepa: one date, RCUR, names with accents.
/// Shared by the BenchmarkDotNet runs and the native one-shot writer, so both write the same batch.
/// </summary>
public static class Pain008Sample
{
    public static DirectDebitBatch Batch(int count)
    {
        var collectionDate = new DateOnly(2024, 3, 6);
        var transactions = new DirectDebitTransaction[count];
        for (var i = 0; i < count; i++)
        {
            var n = i.ToString("D6", CultureInfo.InvariantCulture);
            transactions[i] = new DirectDebitTransaction(
                EndToEndId: "F-2024-" + n,
                Amount: 100m + (i % 500) + (i % 100) / 100m,
                CollectionDate: collectionDate,
                SequenceType: SequenceType.Recurring,
                MandateId: "MANDATE-" + n,
                MandateSignatureDate: new DateOnly(2023, 1, 1),
                DebtorName: "Zoë de Vries " + n,
                DebtorIban: Iban.Create("NL", "ABNA" + (i + 1000).ToString("D10", CultureInfo.InvariantCulture)).Value,
                DebtorBic: null,
                RemittanceInformation: "Kinderopvang maart factuur F-2024-" + n);
        }

        return new DirectDebitBatch("BENCH-MSG-1", new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(1)), "Kinderopvang De Eik", "NL91ABNA0417164300", null, "NL51ZZZ405365330000", transactions);
    }
}
