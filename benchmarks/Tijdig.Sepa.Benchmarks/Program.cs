using BenchmarkDotNet.Running;
using Tijdig.Sepa.Benchmarks;

// "camt-stream SIZE_MB [PATH]" streams one generated statement of that size once and prints the
// throughput and peak memory; everything else goes to BenchmarkDotNet.
if (args is ["camt-stream", var size, .. var rest])
{
    return CamtStream.Run(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture), rest.FirstOrDefault());
}

BenchmarkSwitcher.FromAssembly(typeof(CamtReadBenchmarks).Assembly).Run(args);
return 0;
