using BenchmarkDotNet.Attributes;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>Streaming read throughput of a generated 100 MiB camt.053 (divide the size by the mean time).</summary>
[ShortRunJob]
[MemoryDiagnoser]
public class CamtReadBenchmarks
{
    public const long SizeBytes = 100L * 1024 * 1024;

    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "tijdig-camt053-bench-100mb.xml");
        if (!File.Exists(_path) || new FileInfo(_path).Length < SizeBytes)
        {
            CamtGenerator.Write(_path, SizeBytes);
        }
    }

    [Benchmark]
    public long ReadEntries100MiB()
    {
        var entries = 0L;
        using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var result = BankFileReader.ReadEntries(stream, (_, _) => entries++);
        return result.Success ? entries : throw new InvalidOperationException(result.Error!.ToString());
    }
}
