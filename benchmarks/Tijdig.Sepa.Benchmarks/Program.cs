using BenchmarkDotNet.Running;
using Tijdig.Sepa.Benchmarks;

// "camt-stream SIZE_MB [PATH]" streams one generated statement of that size once and prints the
// throughput and peak memory. "pain008-once COUNT PATH" writes one pain.008 the way the Node
// comparison script does. Everything else goes to BenchmarkDotNet.
if (args is ["camt-stream", var size, .. var rest])
{
    return CamtStream.Run(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), rest.FirstOrDefault());
}

if (args is ["pain008-once", var count, var path])
{
    return Pain008Once.Run(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path);
}

BenchmarkSwitcher.FromAssembly(typeof(CamtReadBenchmarks).Assembly).Run(args);
return 0;
