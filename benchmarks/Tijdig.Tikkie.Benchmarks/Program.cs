using System.Globalization;
using Tijdig.Tikkie.Benchmarks;

// Creates payment requests through Tijdig's outbox against the in-process Tikkie sandbox and prints the
// throughput of each run, then the median, minimum and maximum.
BenchmarkOptions? options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"count={options.Count} workers={options.Workers} failPercent={options.FailPercent} failAfterCreate={options.FailAfterCreate} seed={options.Seed} database={(options.Postgres ? "PostgreSQL" : "SQLite")}"));
Console.WriteLine("run | seconds | per second | rounds | injected 500s | API calls | duplicate requests | duplicate SMS | check");

var rates = new List<double>();
var allPassed = true;
if (options.WarmUp)
{
    var warmUp = await OutboxRun.RunAsync(options with { Count = Math.Min(options.Count, 1_000) }, CancellationToken.None);
    Console.WriteLine(string.Create(invariant, $"warm-up | {warmUp.Elapsed.TotalSeconds:0.00} | {warmUp.PerSecond(Math.Min(options.Count, 1_000)):0} | untimed, {(warmUp.Check.Passed ? "passed" : "FAILED " + warmUp.Check)}"));
    allPassed &= warmUp.Check.Passed;
}

for (var run = 1; run <= options.Repeat; run++)
{
    var result = await OutboxRun.RunAsync(options, CancellationToken.None);
    var check = result.Check;
    rates.Add(result.PerSecond(options.Count));
    allPassed &= check.Passed;
    Console.WriteLine(string.Create(invariant,
        $"{run} | {result.Elapsed.TotalSeconds:0.00} | {result.PerSecond(options.Count):0} | {result.Rounds} | {result.InjectedFailures} | {result.ApiCalls} | {check.DuplicateRequests} | {check.DuplicateSms} | {(check.Passed ? "passed" : "FAILED " + check)}"));
    Console.Write(result.Profile);
}

rates.Sort();
var median = rates.Count % 2 == 1 ? rates[rates.Count / 2] : (rates[(rates.Count / 2) - 1] + rates[rates.Count / 2]) / 2;
Console.WriteLine(string.Create(invariant, $"median {median:0}/s, min {rates[0]:0}/s, max {rates[^1]:0}/s over {rates.Count} runs"));
return allPassed ? 0 : 1;
