using System.Diagnostics;
using System.Globalization;
using Tijdig.Sepa.Writing;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>
/// pain.008 writes in a fresh process, timed from building the batch to the last byte on disk, as
/// the Node script does with the npm package sepa. The first write is cold (it includes JIT
/// compilation); a second, warm write of the same batch follows for comparison.
/// </summary>
public static class Pain008Once
{
    public static int Run(int count, string path)
    {
        var total = Stopwatch.StartNew();
        var batch = Pain008WriteBenchmarks.Batch(count);
        var built = total.Elapsed;
        Write(batch, path);
        total.Stop();

        var warm = Stopwatch.StartNew();
        Write(batch, path);
        warm.Stop();

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Tijdig.Sepa: {count} transactions, {new FileInfo(path).Length / 1048576.0:F1} MiB of XML in {total.Elapsed.TotalSeconds:F2} s cold (building the batch {built.TotalSeconds:F2} s); warm write {warm.Elapsed.TotalSeconds:F2} s"));
        return 0;
    }

    private static void Write(DirectDebitBatch batch, string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Pain008Writer.Write(file, batch, Pain008Version.V08);
    }
}
