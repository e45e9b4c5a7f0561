using System.Diagnostics;
using System.Globalization;
using Tijdig.Sepa.Reading;

namespace Tijdig.Sepa.Benchmarks;

/// <summary>
/// One streaming read of a large generated camt.053, outside BenchmarkDotNet: a file of hundreds of
/// megabytes is read once, and the peak working set of the process is what matters.
/// </summary>
public static class CamtStream
{
    public static int Run(int sizeMegabytes, string? path)
    {
        path ??= Path.Combine(Path.GetTempPath(), $"tijdig-camt053-{sizeMegabytes}mb.xml");
        if (!File.Exists(path) || new FileInfo(path).Length < sizeMegabytes * 1024L * 1024L)
        {
            var generated = CamtGenerator.Write(path, sizeMegabytes * 1024L * 1024L);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated {path}: {generated} entries"));
        }

        var bytes = new FileInfo(path).Length;
        using (var process = Process.GetCurrentProcess())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"working set before read: {process.WorkingSet64 / 1048576.0:F1} MiB"));
        }

        var entries = 0L;
        var cents = 0m;
        var watch = Stopwatch.StartNew();
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var result = BankFileReader.ReadEntries(stream, (_, entry) =>
            {
                entries++;
                cents += entry.Amount;
            });
            if (!result.Success)
            {
                Console.Error.WriteLine(result.Error);
                return 1;
            }
        }

        watch.Stop();
        using var after = Process.GetCurrentProcess();
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"read {bytes / 1048576.0:F0} MiB, {entries} entries, sum {cents} in {seconds:F2} s: {bytes / 1048576.0 / seconds:F0} MiB/s; peak working set {after.PeakWorkingSet64 / 1048576.0:F0} MiB; GC heap after {GC.GetTotalMemory(false) / 1048576.0:F1} MiB"));
        return 0;
    }
}
