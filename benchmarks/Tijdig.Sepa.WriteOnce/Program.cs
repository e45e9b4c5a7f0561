using System.Diagnostics;
using System.Globalization;
using Tijdig.Sepa.Benchmarks;
using Tijdig.Sepa.Writing;

// Writes COUNT collections as pain.008.001.08 to PATH once, timed from building the batch to the
// last byte on disk, as the Node script does with the npm package sepa. Usage: COUNT PATH
if (args is not [var countText, var path])
{
    Console.Error.WriteLine("usage: Tijdig.Sepa.WriteOnce COUNT PATH");
    return 2;
}

var count = int.Parse(countText, CultureInfo.InvariantCulture);
var watch = Stopwatch.StartNew();
var batch = Pain008Sample.Batch(count);
var built = watch.Elapsed;

Pain008WriteResult result;
using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
{
    result = Pain008Writer.Write(file, batch, Pain008Version.V08);
}

watch.Stop();
Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"Tijdig.Sepa: {result.TransactionCount} transactions, {new FileInfo(path).Length / 1048576.0:F1} MiB of XML in {watch.Elapsed.TotalSeconds:F3} s (building the batch {built.TotalSeconds:F3} s)"));
return 0;
