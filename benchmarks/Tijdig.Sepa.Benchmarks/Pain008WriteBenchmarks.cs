using System.Globalization;
using BenchmarkDotNet.Attributes;
using Tijdig.Sepa.Identifiers;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>pain.008 write of 100,000 collections, validation included, to a discarding stream.</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class Pain008WriteBenchmarks
{
    public const int Count = 100_000;

    private DirectDebitBatch _batch = null!;

    [GlobalSetup]
    public void Setup() => _batch = Batch(Count);

    [Benchmark]
    public int WriteV02() => Pain008Writer.Write(Stream.Null, _batch, Pain008Version.V02).TransactionCount;

    [Benchmark]
    public int WriteV08() => Pain008Writer.Write(Stream.Null, _batch, Pain008Version.V08).TransactionCount;

    /// <summary>The same 100,000 collections the Node script writes: one date, RCUR, names with accents.</summary>
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
