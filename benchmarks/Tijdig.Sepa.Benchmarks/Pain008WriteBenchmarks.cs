using BenchmarkDotNet.Attributes;
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

    public static DirectDebitBatch Batch(int count) => Pain008Sample.Batch(count);
}
